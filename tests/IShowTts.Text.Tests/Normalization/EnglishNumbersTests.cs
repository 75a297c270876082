// Unit tests of Reading/EnglishNumbers: the NeMo-style English number words every English rule uses.
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Tests.Normalization;

public sealed class EnglishNumbersTests
{
    [Theory]
    [InlineData("0", "zero")]
    [InlineData("7", "seven")]
    [InlineData("13", "thirteen")]
    [InlineData("40", "forty")]
    [InlineData("99", "ninety nine")]
    [InlineData("100", "one hundred")]
    [InlineData("101", "one hundred one")]
    [InlineData("1299", "one thousand two hundred ninety nine")]
    [InlineData("1000000", "one million")]
    [InlineData("123000012", "one hundred twenty three million twelve")]
    [InlineData("999999999999999", "nine hundred ninety nine trillion nine hundred ninety nine billion nine hundred ninety nine million nine hundred ninety nine thousand nine hundred ninety nine")]
    public void CardinalReadsWithoutAndOrHyphens(string digits, string expected) =>
        Assert.Equal(expected, EnglishNumbers.Cardinal(digits));

    [Fact]
    public void CardinalBeyondTheTrillionsReadsDigitByDigit() =>
        Assert.Equal("one two three four five six seven eight nine zero one two three four five six",
            EnglishNumbers.Cardinal("1234567890123456"));

    [Theory]
    [InlineData(1, "first")]
    [InlineData(2, "second")]
    [InlineData(3, "third")]
    [InlineData(5, "fifth")]
    [InlineData(12, "twelfth")]
    [InlineData(20, "twentieth")]
    [InlineData(21, "twenty first")]
    [InlineData(111, "one hundred eleventh")]
    [InlineData(1000, "one thousandth")]
    public void OrdinalTurnsTheLastWord(long n, string expected) => Assert.Equal(expected, EnglishNumbers.Ordinal(n));

    [Theory]
    [InlineData(1, "st")]
    [InlineData(2, "nd")]
    [InlineData(3, "rd")]
    [InlineData(4, "th")]
    [InlineData(11, "th")]
    [InlineData(12, "th")]
    [InlineData(13, "th")]
    [InlineData(21, "st")]
    [InlineData(112, "th")]
    public void OrdinalSuffixFollowsEnglishSpelling(long n, string expected) => Assert.Equal(expected, EnglishNumbers.OrdinalSuffix(n));

    [Theory]
    [InlineData(2024, "twenty twenty four")]
    [InlineData(1999, "nineteen ninety nine")]
    [InlineData(1905, "nineteen oh five")]
    [InlineData(1900, "nineteen hundred")]
    [InlineData(2000, "two thousand")]
    [InlineData(2006, "two thousand six")]
    [InlineData(2010, "twenty ten")]
    [InlineData(1506, "fifteen oh six")]
    public void YearReadsInPairs(int year, string expected) => Assert.Equal(expected, EnglishNumbers.Year(year));

    [Theory]
    [InlineData(1990, "nineteen nineties")]
    [InlineData(2000, "two thousands")]
    [InlineData(1910, "nineteen tens")]
    public void DecadeIsThePluralYear(int year, string expected) => Assert.Equal(expected, EnglishNumbers.Decade(year));

    [Theory]
    [InlineData("3.14", "three point one four")]
    [InlineData("0.5", "zero point five")]
    [InlineData("1,299.05", "one thousand two hundred ninety nine point zero five")]
    [InlineData("42", "forty two")]
    public void DecimalReadsFractionDigitsOneByOne(string written, string expected) =>
        Assert.Equal(expected, EnglishNumbers.Decimal(NumberLiteral.Parse(written)));

    [Theory]
    [InlineData(1, 2, "one half")]
    [InlineData(3, 2, "three halves")]
    [InlineData(1, 4, "one quarter")]
    [InlineData(3, 4, "three quarters")]
    [InlineData(2, 3, "two thirds")]
    [InlineData(1, 5, "one fifth")]
    public void FractionUsesHalvesQuartersAndOrdinals(long numerator, long denominator, string expected) =>
        Assert.Equal(expected, EnglishNumbers.Fraction(numerator, denominator));

    [Fact]
    public void DigitsReadsZeroAsZero() => Assert.Equal("zero zero seven", EnglishNumbers.Digits("007"));
}
