namespace Nija.Api.Common;

/// <summary>Page parameters (?page=1&amp;pageSize=50), checked and turned into skip/take.</summary>
internal static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Skip, int Take, IResult? Error) Of(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1)
        {
            return (0, 0, Problems.Field("page", "page must be 1 or more."));
        }

        if (size is < 1 or > MaxPageSize)
        {
            return (0, 0, Problems.Field("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
        }

        return ((p - 1) * size, size, null);
    }
}
