// Currency symbols and ISO codes the money rule reads. English after NeMo's money data (dollars and
// cents, pounds and pence), Chinese after WeTextProcessing's money/symbol.tsv and code.tsv.
// ¥ and ￥ are yuan: this is chat of Chinese streams, where 円 / JPY mark the yen. Data, not logic.
namespace IShowTts.Text.Normalization.Tables;

internal static class Currencies
{
    private static readonly Currency Dollar = new("dollar", "dollars", "cent", "cents", "美元");
    private static readonly Currency Yuan = new("yuan", "yuan", null, null, "元");
    private static readonly Currency Euro = new("euro", "euros", "cent", "cents", "欧元");
    private static readonly Currency Pound = new("pound", "pounds", "penny", "pence", "英镑");
    private static readonly Currency Yen = new("yen", "yen", null, null, "日元");
    private static readonly Currency HongKongDollar = new("Hong Kong dollar", "Hong Kong dollars", "cent", "cents", "港元");
    private static readonly Currency AustralianDollar = new("Australian dollar", "Australian dollars", "cent", "cents", "澳元");
    private static readonly Currency CanadianDollar = new("Canadian dollar", "Canadian dollars", "cent", "cents", "加元");
    private static readonly Currency TaiwanDollar = new("New Taiwan dollar", "New Taiwan dollars", null, null, "新台币");
    private static readonly Currency Won = new("won", "won", null, null, "韩元");
    private static readonly Currency Rupee = new("rupee", "rupees", null, null, "卢比");
    private static readonly Currency Ruble = new("ruble", "rubles", null, null, "卢布");
    private static readonly Currency Baht = new("baht", "baht", null, null, "泰铢");

    /// <summary>Written before the amount, longest first ("US$" before "$").</summary>
    public static IReadOnlyList<(string Symbol, Currency Currency)> Prefixes { get; } =
    [
        ("US$", Dollar), ("HK$", HongKongDollar), ("NT$", TaiwanDollar), ("A$", AustralianDollar), ("C$", CanadianDollar),
        ("$", Dollar), ("€", Euro), ("£", Pound), ("¥", Yuan), ("￥", Yuan), ("₩", Won), ("₹", Rupee), ("₽", Ruble), ("฿", Baht),
    ];

    /// <summary>ISO codes, written before or after the amount.</summary>
    public static IReadOnlyList<(string Code, Currency Currency)> Codes { get; } =
    [
        ("USD", Dollar), ("EUR", Euro), ("GBP", Pound), ("CNY", Yuan), ("RMB", Yuan), ("JPY", Yen), ("HKD", HongKongDollar),
        ("AUD", AustralianDollar), ("CAD", CanadianDollar), ("TWD", TaiwanDollar), ("KRW", Won), ("INR", Rupee), ("RUB", Ruble),
        ("THB", Baht),
    ];

    public static Currency Find(string symbolOrCode) =>
        Prefixes.Concat(Codes).First(p => p.Item1 == symbolOrCode.Trim()).Item2;
}
