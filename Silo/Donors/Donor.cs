using FundManager.Common;
using FundManager.Entities;
using FundManager.Finance;
using FundManager.Reference;

namespace FundManager.Donors;

/// <summary>A contributor to the funds: a Member State (with its country), an organisation or a person.</summary>
public sealed class Donor : Entity<DonorEvent>, IListed
{
    public DonorId Id { get; private set; }

    public string Name { get; private set; } = "";

    public DonorType Type { get; private set; }

    public CountryCode? Country { get; private set; }

    /// <summary>The IBANs of the accounts the donor pays from, in the order they were registered.</summary>
    public IReadOnlyList<string> BankAccounts { get; private set; } = [];

    public string? Email { get; private set; }

    /// <summary>The donor's customer at the card processor, once it has given online.</summary>
    public string? PaymentCustomer { get; private set; }

    public static DonorEvent[] Register(DonorId id, string name, DonorType type, CountryCode? country, string? email = null)
    {
        var checkedName = Text.Check(name, "name", 200, allowLineBreaks: false);
        if (!Enum.IsDefined(type))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Unknown donor type.", "type");
        }

        if (type == DonorType.MemberState && country is null)
        {
            throw RuleViolation.Of(BusinessRule.MemberStateNeedsCountry, "A Member State donor needs its country.", "country");
        }

        if (country is { } c && CountryCatalog.Default.Find(c) is null)
        {
            throw RuleViolation.Of(BusinessRule.UnknownCountry, $"'{c}' is not an ISO 3166 country.", "country", ("country", c.ToString()));
        }

        return [new DonorRegistered(id, checkedName, type, country, CheckedEmail(email))];
    }

    /// <summary>Links the processor's customer; a donor linked already keeps its first (nothing recorded).</summary>
    public DonorEvent[] LinkPaymentCustomer(string customer)
    {
        var checkedCustomer = Text.Check(customer, "customer", 100, allowLineBreaks: false);
        return PaymentCustomer is null ? [new DonorPaymentCustomerLinked(checkedCustomer)] : [];
    }

    // Enough to reach someone: one @ between a local part and a domain, no spaces, within the SMTP limit.
    private static string? CheckedEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var text = Text.Check(email, "email", 254, allowLineBreaks: false);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace)
            ? text
            : throw RuleViolation.Of(BusinessRule.InvalidInput, $"'{text}' is not an email address.", "email");
    }

    public DonorEvent[] Rename(string name)
    {
        var checkedName = Text.Check(name, "name", 200, allowLineBreaks: false);
        return checkedName == Name
            ? throw RuleViolation.Of(BusinessRule.AmendmentChangesNothing, "The donor already has this name.", "name")
            : [new DonorRenamed(checkedName)];
    }

    public DonorEvent[] RegisterBankAccount(string iban)
    {
        var account = Iban.Parse(iban);
        return BankAccounts.Contains(account.Value)
            ? throw RuleViolation.Of(BusinessRule.AmendmentChangesNothing, $"The donor's account {account} is registered already.", "iban")
            : [new DonorBankAccountRegistered(account.Value)];
    }

    public Listing Listing => new(Category: Type.ToString(), Country: Country?.Value, Label: Name);

    protected override void When(DonorEvent @event)
    {
        switch (@event)
        {
            case DonorRegistered e:
                Id = e.Id;
                Name = e.Name;
                Type = e.Type;
                Country = e.Country;
                Email = e.Email;
                break;
            case DonorPaymentCustomerLinked e:
                PaymentCustomer = e.Customer;
                break;
            case DonorRenamed e:
                Name = e.Name;
                break;
            case DonorBankAccountRegistered e:
                BankAccounts = [.. BankAccounts, e.Iban];
                break;
            default:
                throw new InvalidOperationException($"Unknown donor event {@event.GetType().Name}.");
        }
    }
}
