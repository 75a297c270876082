// The units the measure rule reads ("10km" → ten kilometers / 十公里). English names follow NeMo's
// measure tables, Chinese ones WeTextProcessing's units_en.tsv. Symbols are case-sensitive: "M" is
// a million, "m" a metre. Data, not logic.
namespace IShowTts.Text.Normalization.Tables;

internal static class Units
{
    public static IReadOnlyList<Unit> All { get; } =
    [
        new("km²", "square kilometer", "square kilometers", "平方千米"),
        new("m²", "square meter", "square meters", "平方米"),
        new("cm²", "square centimeter", "square centimeters", "平方厘米"),
        new("m³", "cubic meter", "cubic meters", "立方米"),
        new("km", "kilometer", "kilometers", "公里"),
        new("KM", "kilometer", "kilometers", "公里"),
        new("Km", "kilometer", "kilometers", "公里"),
        new("cm", "centimeter", "centimeters", "厘米"),
        new("mm", "millimeter", "millimeters", "毫米"),
        new("m", "meter", "meters", "米", AttachedOnly: true),
        new("kg", "kilogram", "kilograms", "千克"),
        new("KG", "kilogram", "kilograms", "千克"),
        new("Kg", "kilogram", "kilograms", "千克"),
        new("mg", "milligram", "milligrams", "毫克"),
        new("g", "gram", "grams", "克", AttachedOnly: true),
        new("lbs", "pound", "pounds", "磅"),
        new("lb", "pound", "pounds", "磅"),
        new("oz", "ounce", "ounces", "盎司"),
        new("mi", "mile", "miles", "英里"),
        new("ft", "foot", "feet", "英尺"),
        new("mph", "mile per hour", "miles per hour", "英里每小时"),
        new("kph", "kilometer per hour", "kilometers per hour", "公里每小时"),
        new("°C", "degree Celsius", "degrees Celsius", "摄氏度"),
        new("℃", "degree Celsius", "degrees Celsius", "摄氏度"),
        new("°F", "degree Fahrenheit", "degrees Fahrenheit", "华氏度"),
        new("℉", "degree Fahrenheit", "degrees Fahrenheit", "华氏度"),
        new("°", "degree", "degrees", "度"),
        new("ms", "millisecond", "milliseconds", "毫秒"),
        new("secs", "second", "seconds", "秒"),
        new("sec", "second", "seconds", "秒"),
        new("s", "second", "seconds", "秒", AttachedOnly: true),
        new("mins", "minute", "minutes", "分钟"),
        new("min", "minute", "minutes", "分钟"),
        new("hrs", "hour", "hours", "小时"),
        new("hr", "hour", "hours", "小时"),
        new("h", "hour", "hours", "小时", AttachedOnly: true),
        new("TB", "terabyte", "terabytes", "太字节"),
        new("GB", "gigabyte", "gigabytes", "吉字节"),
        new("MB", "megabyte", "megabytes", "兆字节"),
        new("KB", "kilobyte", "kilobytes", "千字节"),
        new("tb", "terabyte", "terabytes", "太字节"),
        new("gb", "gigabyte", "gigabytes", "吉字节"),
        new("mb", "megabyte", "megabytes", "兆字节"),
        new("kb", "kilobyte", "kilobytes", "千字节"),
        new("Mbps", "megabit per second", "megabits per second", "兆比特每秒"),
        new("mbps", "megabit per second", "megabits per second", "兆比特每秒"),
        new("GHz", "gigahertz", "gigahertz", "吉赫兹"),
        new("MHz", "megahertz", "megahertz", "兆赫兹"),
        new("kHz", "kilohertz", "kilohertz", "千赫兹"),
        new("Hz", "hertz", "hertz", "赫兹"),
        new("hz", "hertz", "hertz", "赫兹"),
        new("fps", "frame per second", "frames per second", "帧每秒"),
        new("FPS", "frame per second", "frames per second", "帧每秒"),
        new("kWh", "kilowatt hour", "kilowatt hours", "千瓦时"),
        new("kW", "kilowatt", "kilowatts", "千瓦"),
        new("mAh", "milliamp hour", "milliamp hours", "毫安时"),
        new("ml", "milliliter", "milliliters", "毫升"),
        new("mL", "milliliter", "milliliters", "毫升"),
        new("L", "liter", "liters", "升", AttachedOnly: true),
    ];

    /// <summary>Symbols longest first, so "kg" wins over "k" and "mph" over "m".</summary>
    public static IReadOnlyList<Unit> LongestFirst { get; } = All.OrderByDescending(u => u.Symbol.Length).ToArray();

    public static Unit? Find(string symbol) => All.FirstOrDefault(u => u.Symbol == symbol);
}
