using System.Runtime.CompilerServices;

namespace Nija.Grains.Risk;

/// <summary>
/// The detail of a pre-trade check, written only when the check blocks. Every order runs a dozen
/// checks and passes nearly all of them; as plain interpolated strings each detail (amounts formatted
/// in USD and percent) was built on every order and thrown away. With this handler the compiler skips
/// the formatting, and the expressions in its holes, unless <c>blocked</c> is true.
/// </summary>
[InterpolatedStringHandler]
public ref struct BlockDetail
{
    private readonly bool _blocked;
    private DefaultInterpolatedStringHandler _text;

    public BlockDetail(int literalLength, int formattedCount, bool blocked, out bool shouldAppend)
    {
        _blocked = shouldAppend = blocked;
        _text = blocked ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public string ToStringAndClear() => _blocked ? _text.ToStringAndClear() : "";
}
