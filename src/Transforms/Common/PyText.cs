using System.Globalization;
using System.Text.Json;

namespace Upt.Transforms.Common;

/// <summary>Python's text forms of scalars (<c>str()</c>/<c>repr()</c>), which UPT writes into string fields.</summary>
internal static class PyText
{
    /// <summary>Python <c>repr(float)</c>: shortest round-trip digits, always a fraction or exponent.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "E16" gives 17 significant digits; "R" gives the shortest round-trip digits we need.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        string digits;
        int exponent; // value = 0.digits * 10^exponent
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? r[..e] : r;
        var exp10 = e >= 0 ? int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        exponent = intPart.Length + exp10 - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var sci = exponent - 1; // exponent of the first digit
        string body;
        if (sci < -4 || sci >= 16)
        {
            var m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            body = m + "e" + (sci < 0 ? "-" : "+") + Math.Abs(sci).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (exponent <= 0)
        {
            body = "0." + new string('0', -exponent) + digits;
        }
        else if (exponent >= digits.Length)
        {
            body = digits + new string('0', exponent - digits.Length) + ".0";
        }
        else
        {
            body = digits[..exponent] + "." + digits[exponent..];
        }

        return negative ? "-" + body : body;
    }

    /// <summary>Python <c>str()</c> of a parsed JSON number: ints keep their text, floats use <see cref="Float"/>.</summary>
    public static string Number(JsonElement number)
    {
        var raw = number.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return raw;
        }

        return Float(number.GetDouble());
    }

    /// <summary>Python <c>str()</c> of a JSON scalar as UPT applies it to string fields; null for JSON null.</summary>
    public static string? Scalar(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => Number(value),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => null,
        JsonValueKind.Undefined => string.Empty,
        _ => throw new TransformException($"{field} must be a string, got {Json.KindName(value)}"),
    };
}
