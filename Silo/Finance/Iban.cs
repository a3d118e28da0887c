using System.Globalization;
using FundManager.Common;

namespace FundManager.Finance;

/// <summary>
/// An International Bank Account Number (ISO 13616): a country code, two check digits and up to 30 letters and digits,
/// 15 to 34 characters in all, kept without spaces in capitals. The check digits must hold (ISO 7064 MOD 97-10: the
/// number moved round, letters as 10–35, leaves 1 when divided by 97), which catches a mistyped or transposed character.
/// </summary>
public readonly record struct Iban
{
    private Iban(string value) => Value = value;

    public string Value { get; }

    /// <summary>The IBAN in <paramref name="text"/> (spaces allowed, any case), or a refusal naming <paramref name="field"/>.</summary>
    public static Iban Parse(string? text, string field = "iban") =>
        TryParse(text, out var iban)
            ? iban
            : throw RuleViolation.Of(BusinessRule.InvalidInput, $"'{Shown(text)}' is not an IBAN (a country code, two check digits that hold, 15 to 34 letters and digits).", field);

    public static bool TryParse(string? text, out Iban iban)
    {
        iban = default;
        var value = new string((text ?? "").Where(c => c != ' ').ToArray()).ToUpperInvariant();
        if (value.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            var digits = char.IsAsciiDigit(c) ? (c - '0').ToString(CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture);
            foreach (var d in digits)
            {
                remainder = ((remainder * 10) + (d - '0')) % 97;
            }
        }

        if (remainder != 1)
        {
            return false;
        }

        iban = new Iban(value);
        return true;
    }

    public override string ToString() => Value ?? "";

    private static string Shown(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
