// A decimal number as written ("1,299.50"): integer digits without grouping commas and fraction
// digits, kept as strings so no reading ever goes through floating point. Not a parser of words.
namespace IShowTts.Text.Normalization.Reading;

internal readonly record struct NumberLiteral(string IntegerDigits, string FractionDigits)
{
    /// <summary>Regex for a written number: "1,299.50", "0.5", "2024" (grouping commas only in threes).</summary>
    public const string Pattern = @"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?";

    /// <summary>Parses digits with optional grouping commas and an optional ".fraction".</summary>
    public static NumberLiteral Parse(string written)
    {
        var plain = written.Replace(",", "", StringComparison.Ordinal);
        int dot = plain.IndexOf('.');
        return dot < 0 ? new NumberLiteral(plain, "") : new NumberLiteral(plain[..dot], plain[(dot + 1)..]);
    }

    public bool IsInteger => FractionDigits.Length == 0;

    /// <summary>The integer part without leading zeros ("0" for zero).</summary>
    public string Integer => IntegerDigits.TrimStart('0') is { Length: > 0 } t ? t : "0";

    /// <summary>True for exactly one ("1", not "1.0"): the singular of a unit or currency.</summary>
    public bool IsOne => IsInteger && Integer == "1";

    /// <summary>The same value with trailing fraction zeros removed ("3.50" → "3.5", "10.00" → "10").</summary>
    public NumberLiteral TrimFractionZeros() => this with { FractionDigits = FractionDigits.TrimEnd('0') };

    /// <summary>The value times 10^places, exact ("1.5" × 10³ → "1500").</summary>
    public NumberLiteral Scale(int places)
    {
        var fraction = FractionDigits.PadRight(places, '0');
        return new NumberLiteral(IntegerDigits + fraction[..places], fraction[places..]).TrimFractionZeros();
    }
}
