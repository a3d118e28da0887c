namespace FundManager.Api.Tests;

/// <summary>
/// An officer registers the accounts a donor pays from (IBANs whose check digits hold), and the donor sees them; a pledge
/// shows the agreement reference it was signed under. Both are what a bank statement's credits are recognised by.
/// </summary>
public sealed class DonorBankAccountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_officer_registers_a_donor_s_iban_once_and_the_donor_sees_it()
    {
        var norway = DemoIds.For("donor", "norway");
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var registered = await officer.PostAsJsonAsync($"/api/v1/donors/{norway}/bank-accounts", new { iban = "no93 8601 1117 947" });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var donor = await api.LoginAsync(DemoUsers.NorwayDonor);
        var view = await donor.GetFromJsonAsync<JsonElement>($"/api/v1/donors/{norway}");
        Assert.Equal(["NO9386011117947"], view.GetProperty("bankAccounts").EnumerateArray().Select(a => a.GetString()));

        var again = await officer.PostAsJsonAsync($"/api/v1/donors/{norway}/bank-accounts", new { iban = "NO9386011117947" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var mistyped = await officer.PostAsJsonAsync($"/api/v1/donors/{norway}/bank-accounts", new { iban = "NO93 8601 1117 948" });
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        Assert.True((await mistyped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("iban", out _), "the refusal names the iban");
        Assert.Equal(HttpStatusCode.Forbidden, (await donor.PostAsJsonAsync($"/api/v1/donors/{norway}/bank-accounts", new { iban = "GB82WEST12345698765432" })).StatusCode);
    }

    [Fact]
    public async Task A_signed_pledge_shows_its_agreement_reference()
    {
        var donor = await api.LoginAsync(DemoUsers.NorwayDonor);
        var pledges = await donor.GetFromJsonAsync<JsonElement>("/api/v1/pledges?limit=50");
        var signed = pledges.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("signedOn").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(signed);
        Assert.All(signed, p => Assert.StartsWith("CA-NORWAY-", p.GetProperty("agreementReference").GetString(), StringComparison.Ordinal));
    }
}
