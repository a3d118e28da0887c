using Bunit;
using FundManager.Api.Portal;
using FundManager.Api.Portal.Pages;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Grants;

namespace FundManager.Api.Tests.Portal;

/// <summary>The pages' components whose logic needs no browser: what they render from the figures given.</summary>
public sealed class PortalComponentTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void The_fund_check_shows_what_is_left_after_a_commitment_and_says_when_approval_will_be_refused()
    {
        var position = new FundPosition(Money.Usd(200_000m), Money.Usd(10_000m), Money.Usd(50_000m), 0.15m);
        var affordable = FundCheck.Commitment(Money.Usd(100_000m));
        var figures = _context.Render<FundCheckFigures>(p => p.Add(c => c.Position, position).Add(c => c.Check, affordable));

        // (200,000 − 10,000) ÷ 1.15 − 50,000 = 115,217.39 uncommitted; 15,217.39 left after 100,000.
        Assert.Equal("115,217.39 USD", Figure(figures, "Uncommitted"));
        Assert.Equal("15,217.39 USD", Figure(figures, "Uncommitted after approval"));
        Assert.DoesNotContain("refused", figures.Markup, StringComparison.Ordinal);

        figures = _context.Render<FundCheckFigures>(p => p.Add(c => c.Position, position).Add(c => c.Check, FundCheck.Commitment(Money.Usd(115_217.40m))));
        Assert.Contains("-0.01 USD (not enough: approval will be refused)", Figure(figures, "Uncommitted after approval"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fund_check_of_a_payment_is_cash_after_it()
    {
        var position = new FundPosition(Money.Usd(70_000m), Money.Usd(0m), Money.Usd(500_000m), 0.15m);
        var figures = _context.Render<FundCheckFigures>(p => p.Add(c => c.Position, position).Add(c => c.Check, FundCheck.Disbursement(Money.Usd(45_000m))));

        Assert.Equal("45,000.00 USD", Figure(figures, "This payment"));
        Assert.Equal("25,000.00 USD", Figure(figures, "Cash after payment"));
    }

    [Fact]
    public void A_field_error_is_shown_only_for_its_own_field_and_named_for_screen_readers()
    {
        var errors = new Dictionary<string, string> { ["amount"] = "The amount must be greater than zero." };

        var amount = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Name, "amount"));
        var reference = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Name, "reference"));

        var message = amount.Find("#amount-error");
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal("The amount must be greater than zero.", message.TextContent);
        Assert.Empty(reference.Markup.Trim());
    }

    [Theory]
    [InlineData(404, "Not found")]
    [InlineData(403, "Not for your role")]
    [InlineData(405, "This request could not be answered")]
    public void The_status_page_names_the_answer(int code, string title)
    {
        var page = _context.Render<StatusPage>(p => p.Add(c => c.Code, code));

        Assert.Equal(title, page.Find("h1").TextContent);
    }

    [Fact]
    public void A_rate_keeps_its_significant_decimals_and_an_amount_its_currency()
    {
        Assert.Equal("10.72345", PortalText.Rate(10.72345m));
        Assert.Equal("0.3071", PortalText.Rate(0.30710m));
        Assert.Equal("1,234.56 USD", PortalText.Usd(1_234.56m));
        Assert.Equal("30 November 2026", PortalText.Date(new DateOnly(2026, 11, 30)));
    }

    public void Dispose() => _context.Dispose();

    private static string Figure(IRenderedComponent<FundCheckFigures> figures, string term) =>
        figures.FindAll("dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent.Trim();
}
