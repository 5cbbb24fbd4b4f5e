using System.Globalization;
using System.Text;

namespace Nija.Bench.Support;

/// <summary>Collects result tables and writes them as Markdown (bench/results) and to the console.</summary>
public sealed class Report
{
    private readonly StringBuilder _md = new();

    public void Heading(string title, string explanation)
    {
        _md.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine().AppendLine(explanation).AppendLine();
        Console.WriteLine($"== {title}");
    }

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        _md.AppendLine("| " + string.Join(" | ", header) + " |");
        _md.AppendLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var r in rows)
        {
            _md.AppendLine("| " + string.Join(" | ", r) + " |");
            Console.WriteLine("   " + string.Join("  ", r));
        }

        _md.AppendLine();
    }

    public void Note(string text)
    {
        _md.AppendLine(text).AppendLine();
        Console.WriteLine("   " + text);
    }

    public string Markdown => _md.ToString();

    public static string N(double v, int decimals = 0) => v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
