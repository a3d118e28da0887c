using FundManager.Common;
using FundManager.Reference;

namespace FundManager.Donors;

/// <summary>Something that happened to a donor.</summary>
public abstract record DonorEvent;

/// <summary>A donor was registered. <paramref name="Country"/> is required for a Member State.</summary>
public sealed record DonorRegistered(DonorId Id, string Name, DonorType Type, CountryCode? Country, string? Email = null) : DonorEvent;

/// <summary>A donor's name was corrected.</summary>
public sealed record DonorRenamed(string Name) : DonorEvent;

/// <summary>A bank account the donor pays from was registered (an IBAN, without spaces, in capitals).</summary>
public sealed record DonorBankAccountRegistered(string Iban) : DonorEvent;

/// <summary>The donor's customer at the card processor (Stripe's <c>cus_…</c>) was linked to it.</summary>
public sealed record DonorPaymentCustomerLinked(string Customer) : DonorEvent;
