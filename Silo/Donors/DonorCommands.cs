namespace FundManager.Donors;

/// <summary>Register a donor; <paramref name="Country"/> (ISO alpha-3) is required for a Member State. <paramref name="Id"/> is chosen by the program when absent.</summary>
public sealed record RegisterDonor(string Name, DonorType Type, string? Country = null, Guid? Id = null);

/// <summary>Correct a donor's name.</summary>
public sealed record RenameDonor(Guid Donor, string Name);

/// <summary>Register a bank account a donor pays from (an IBAN), so that the credits a bank statement shows from it are recognised.</summary>
public sealed record RegisterBankAccount(Guid Donor, string Iban);
