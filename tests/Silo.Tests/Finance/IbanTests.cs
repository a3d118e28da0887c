using FundManager.Donors;
using FundManager.Finance;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Finance;

/// <summary>IBANs as ISO 13616 defines them: the check digits must hold; spaces and case do not matter.</summary>
public sealed class IbanTests
{
    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("no93 8601 1117 947", "NO9386011117947")]
    [InlineData("CH9300762011623852957", "CH9300762011623852957")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    public void A_valid_iban_is_kept_without_spaces_in_capitals(string text, string value) => Assert.Equal(value, Iban.Parse(text).Value);

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 33")]
    [InlineData("GB28 WEST 1234 5698 7654 32")]
    [InlineData("NO93 8601 1117")]
    [InlineData("9382 WEST 1234 5698 7654 32")]
    [InlineData("GBXX WEST 1234 5698 7654 32")]
    [InlineData("GB82-WEST-1234-5698-7654-32")]
    [InlineData("")]
    [InlineData(null)]
    public void A_mistyped_or_malformed_iban_is_refused(string? text)
    {
        var refused = Refusals.AssertRefused(BusinessRule.InvalidInput, () => Iban.Parse(text));
        Assert.Equal("iban", refused.Field);
    }

    [Fact]
    public void A_donor_registers_each_account_once()
    {
        var donor = new Donor();
        foreach (var e in Donor.Register(new DonorId(Guid.NewGuid()), "Norway", DonorType.MemberState, global::FundManager.Reference.CountryCode.Parse("NOR")))
        {
            donor.Apply(e);
        }

        foreach (var e in donor.RegisterBankAccount("no93 8601 1117 947"))
        {
            donor.Apply(e);
        }

        Assert.Equal(["NO9386011117947"], donor.BankAccounts);
        Refusals.AssertRefused(BusinessRule.AmendmentChangesNothing, () => donor.RegisterBankAccount("NO9386011117947"));
    }
}
