// Unit tests of Rules/MoneyRule and Tables/Currencies.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

public sealed class MoneyRuleTests
{
    [Theory]
    [InlineData("$2", "two dollars")]
    [InlineData("$1.00", "one dollar")]
    [InlineData("$20.5", "twenty dollars fifty cents")]
    [InlineData("$20.01", "twenty dollars one cent")]
    [InlineData("$0.02", "two cents")]
    [InlineData("$20.506", "twenty point five zero six dollars")]
    [InlineData("$1,925.21", "one thousand nine hundred twenty five dollars twenty one cents")]
    [InlineData("$2.5 million", "two point five million dollars")]
    [InlineData("$5k", "five thousand dollars")]
    [InlineData("£2.01", "two pounds one penny")]
    [InlineData("€5", "five euros")]
    [InlineData("¥99.5", "ninety nine point five yuan")]
    [InlineData("100 USD", "one hundred dollars")]
    [InlineData("-$5", "minus five dollars")]
    public void EnglishAmountsFollowNemo(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new MoneyRule(), input));

    [Theory]
    [InlineData("￥13.5", "十三点五元")]
    [InlineData("$13.5", "十三点五美元")]
    [InlineData("A$13.5", "十三点五澳元")]
    [InlineData("HKD13.5", "十三点五港元")]
    [InlineData("¥10.00", "十元")]
    [InlineData("$2", "两美元")]
    [InlineData("$2.5M", "两百五十万美元")]
    [InlineData("¥1.5w", "一点五万元")]
    public void ChineseAmountsFollowWeTextProcessing(string input, string expected) =>
        Assert.Equal(expected, RuleRunner.Apply(new MoneyRule(), input, "zh"));

    [Theory]
    [InlineData("$")]
    [InlineData("I have 5 dollars")]
    [InlineData("USDT")]
    public void TextWithoutAnAmountIsKept(string input) => Assert.Equal(input, RuleRunner.Apply(new MoneyRule(), input));
}
