using FundManager.Common;

namespace FundManager.Donors;

/// <summary>
/// Register a donor; <paramref name="Country"/> (ISO alpha-3) is required for a Member State. <paramref name="Id"/> is
/// chosen by the program when absent. <paramref name="Email"/> is how a person or organisation giving online is reached,
/// <paramref name="PaymentCustomer"/> its customer at the card processor, linked at once.
/// </summary>
public sealed record RegisterDonor(string Name, DonorType Type, string? Country = null, Guid? Id = null, string? Email = null, string? PaymentCustomer = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.EntityAlreadyExists,
        BusinessRule.MemberStateNeedsCountry,
        BusinessRule.UnknownCountry,
    ];
}

/// <summary>Correct a donor's name.</summary>
public sealed record RenameDonor(Guid Donor, string Name) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.AmendmentChangesNothing];
}

/// <summary>Register a bank account a donor pays from (an IBAN), so that the credits a bank statement shows from it are recognised.</summary>
public sealed record RegisterBankAccount(Guid Donor, string Iban) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.AmendmentChangesNothing];
}

/// <summary>Link the donor to its customer at the card processor (once: a donor keeps the first customer linked).</summary>
public sealed record LinkPaymentCustomer(Guid Donor, string Customer) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.AmendmentChangesNothing];
}
