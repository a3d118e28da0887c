using System.Text.Json;
using FundManager.Banking;
using FundManager.Donors;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;

namespace FundManager.Api.Http;

/// <summary>What a command did: the entity it created or changed, and that entity's new version.</summary>
public sealed record CommandResponse(string Id, string Kind, long Version);

/// <summary>A page of a list and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record AmountView(decimal Amount, string Currency)
{
    public static AmountView Of(Money money) => new(money.Amount, money.Currency.Code);
}

public sealed record FundView(string Code, string Name, string BaseCurrency, decimal PscRate, decimal ReserveRate, bool RequiresUprRecommendations, long Version)
{
    public static FundView Of(Fund f) => new(f.Code.Value, f.Name, f.BaseCurrency.Code, f.PscRate, f.ReserveRate, f.RequiresUprRecommendations, f.Version);
}

public sealed record DonorView(Guid Id, string Name, DonorType Type, string? Country, IReadOnlyList<string> BankAccounts, string? Email, string? PaymentCustomer, long Version)
{
    public static DonorView Of(Donor d) => new(d.Id.Value, d.Name, d.Type, d.Country?.Value, d.BankAccounts, d.Email, d.PaymentCustomer, d.Version);
}

public sealed record InstalmentView(int Number, DateOnly DueOn, AmountView Amount, AmountView Paid, AmountView Outstanding, AmountView BookedUsd);

public sealed record PledgeView(
    Guid Id, Guid Donor, string Fund, string Currency, AmountView Total, AmountView Paid, AmountView Outstanding, PledgeStatus Status,
    EarmarkKind Earmark, string? EarmarkTarget, DateOnly AnnouncedOn, DateOnly? SignedOn, string? AgreementReference, IReadOnlyList<InstalmentView> Instalments, long Version)
{
    public static PledgeView Of(Pledge p) => new(
        p.Id.Value, p.Donor.Value, p.Fund.Value, p.Currency.Code, AmountView.Of(p.Total), AmountView.Of(p.Paid), AmountView.Of(p.Outstanding), p.Status,
        p.Earmark.Kind, p.Earmark.Target, p.AnnouncedOn, p.SignedOn, p.AgreementReference,
        p.Instalments.Select(i => new InstalmentView(i.Number, i.DueOn, AmountView.Of(i.Amount), AmountView.Of(i.Paid), AmountView.Of(i.Outstanding), AmountView.Of(i.BookedUsd))).ToList(),
        p.Version);
}

public sealed record ReceiptView(
    Guid Id, Guid Pledge, Guid Donor, string Fund, string Reference, ReceiptChannel Channel, DateOnly ReceivedOn, AmountView Amount, decimal UnitsPerUsd,
    AmountView Usd, AmountView ExchangeDifference, IReadOnlyList<ReceiptApplicationView> Applications, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static ReceiptView Of(ReceiptEntry r) => new(
        r.Receipt.Id.Value, r.Pledge.Value, r.Donor.Value, r.Fund.Value, r.Receipt.Reference, r.Receipt.Channel, r.Receipt.ReceivedOn, AmountView.Of(r.Receipt.Amount),
        r.Receipt.UnitsPerUsd, AmountView.Of(r.Receipt.Usd), AmountView.Of(r.Receipt.ExchangeDifference),
        r.Receipt.Applications.Select(a => new ReceiptApplicationView(a.Number, AmountView.Of(a.Amount), AmountView.Of(a.RelievedUsd))).ToList(),
        r.RecordedBy, r.RecordedAt);
}

public sealed record ReceiptApplicationView(int Instalment, AmountView Amount, AmountView RelievedUsd);

public sealed record TrancheView(int Number, DateOnly PlannedOn, decimal PlannedAmount, TrancheState State, decimal? PreparedAmount, string? PreparedBy, decimal? PaidAmount, decimal? Psc, string? ApprovedBy, DateOnly? PaidOn);

public sealed record GrantView(
    Guid Id, string Fund, GrantStatus Status, string Title, string Summary, string ImplementingEntity, ImplementingEntityType ImplementingEntityType,
    string Country, string Region, DateOnly Start, DateOnly End, CooperationModality Modality, IReadOnlyList<string> Recommendations, IReadOnlyList<string> SdgTargets,
    IReadOnlyList<BudgetLineView> Budget, decimal DirectBudget, decimal? PscRate, decimal CommittedPsc, decimal Commitment, decimal Disbursed, decimal PscCharged,
    decimal OpenCommitment, string? ConsentReference, DateOnly? ConsentGivenOn, string? BoardSession, IReadOnlyList<TrancheView> Tranches,
    IReadOnlyList<Indicator> Indicators, IReadOnlyList<ProgressReport> ProgressReports, IReadOnlyList<RecommendationProgress> RecommendationProgress, long Version)
{
    public static GrantView Of(Grant g) => new(
        g.Id.Value, g.Fund.Value, g.Status, g.Details.Title, g.Details.Summary, g.Details.ImplementingEntity.Name, g.Details.ImplementingEntity.Type,
        g.Details.Country.Value, g.Details.Region.ToString(), g.Details.Period.Start, g.Details.Period.End, g.Details.Modality, g.Details.Recommendations, g.Details.SdgTargets,
        g.Budget.Select(b => new BudgetLineView(b.Year, b.Amount.Amount)).ToList(), g.DirectBudget.Amount, g.PscRate, g.CommittedPsc.Amount, g.Commitment.Amount,
        g.Disbursed.Amount, g.PscCharged.Amount, g.OpenCommitment.Amount, g.Consent?.Reference, g.Consent?.GivenOn, g.BoardSession,
        g.Tranches.Select(t => new TrancheView(t.Number, t.PlannedOn, t.PlannedAmount.Amount, t.State, t.PreparedAmount?.Amount, t.PreparedBy?.Value, t.PaidAmount?.Amount, t.Psc?.Amount, t.ApprovedBy?.Value, t.PaidOn)).ToList(),
        g.Indicators, g.ProgressReports, g.RecommendationProgress, g.Version);
}

public sealed record RecommendationView(
    string Id, string StateUnderReview, IReadOnlyList<string> RecommendingStates, int Cycle, int Session, string Text, IReadOnlyList<string> Themes,
    IReadOnlyList<string> SdgTargets, Recommendations.RecommendationPosition Position, IReadOnlyList<string> AffectedPersons, string? DocumentSymbol, long Version)
{
    public static RecommendationView Of(Recommendations.UprRecommendation r) => new(
        r.Id, r.StateUnderReview.Value, r.RecommendingStates.Select(s => s.Value).ToList(), r.Cycle, r.Session, r.Text, r.Themes, r.SdgTargets, r.Position,
        r.AffectedPersons, r.DocumentSymbol, r.Version);
}

public sealed record ExchangeRateView(string Currency, decimal UnitsPerUsd, DateOnly EffectiveOn);

/// <summary>One event of an entity's history: what happened (as stored), who recorded it, when, by which command and why.</summary>
public sealed record HistoryView(long Version, string Type, JsonElement Event, string Actor, DateTimeOffset RecordedAt, Guid CommandId, string? Reason)
{
    public static HistoryView Of(StoredEvent e) =>
        new(e.Version, e.Type, JsonSerializer.SerializeToElement(e.Event, e.Event.GetType(), Persistence.Json.StoredJson.Options), e.Actor, e.RecordedAt, e.CommandId, e.Reason);
}

public sealed record BudgetLineView(int Year, decimal Amount);

public sealed record TrialBalanceView(string Fund, DateOnly? AsOf, string Currency, IReadOnlyList<TrialBalanceRowView> Rows, decimal TotalDebit, decimal TotalCredit)
{
    public static TrialBalanceView Of(TrialBalance t) => new(
        t.Fund.Value, t.AsOf, "USD", t.Rows.Select(r => new TrialBalanceRowView(r.Code, r.Name, r.Debit, r.Credit, r.Balance)).ToList(), t.TotalDebit, t.TotalCredit);
}

public sealed record TrialBalanceRowView(string Account, string Name, decimal Debit, decimal Credit, decimal Balance);

public sealed record JournalLineView(string Account, decimal Debit, decimal Credit, string Currency, decimal OriginalAmount, string? Memo);

public sealed record JournalEntryView(
    long Sequence, DateOnly Date, string Description, string SourceStream, long SourceVersion, string SourceEvent, Guid CommandId, string Actor,
    DateTimeOffset RecordedAt, string PreviousHash, string Hash, IReadOnlyList<JournalLineView> Lines)
{
    public static JournalEntryView Of(JournalEntry e) => new(
        e.Sequence, e.Date, e.Description, e.SourceStream, e.SourceVersion, e.SourceEvent, e.CommandId, e.Actor, e.RecordedAt,
        Convert.ToHexString(e.PreviousHash).ToLowerInvariant(), Convert.ToHexString(e.Hash).ToLowerInvariant(),
        e.Lines.Select(l => new JournalLineView(AccountInfo.Code(l.Account), l.Debit, l.Credit, l.Original.Currency.Code, l.Original.Amount, l.Memo)).ToList());
}

/// <summary>A page of an account's activity: its lines in date order, each with the running balance after it.</summary>
public sealed record AccountActivityView(string Account, string Name, IReadOnlyList<AccountActivityLine> Lines, string? NextCursor);

public static class CommandResponses
{
    public static CommandResponse Of(CommandResult result)
    {
        var stream = Entities.StreamId.Parse(result.Stream);
        return new CommandResponse(stream.Key, stream.Kind, result.Version);
    }
}

public sealed record BankEntryView(
    long Id, string Account, string Reference, string MessageId, string StatementId, AmountView Amount, bool IsCredit, DateOnly BookedOn, DateOnly? ValueOn,
    string? DebtorName, string? DebtorIban, IReadOnlyList<string> Remittance, BankEntryStatus Status, string? MatchedBy, string? Note, Guid? Pledge, int? Instalment,
    Guid? Donor, Guid? Receipt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt)
{
    public static BankEntryView Of(BankEntryRecord e) => new(
        e.Position, e.Account, e.Reference, e.MessageId, e.StatementId, AmountView.Of(e.Amount), e.IsCredit, e.BookedOn, e.ValueOn, e.DebtorName, e.DebtorIban,
        e.Remittance, e.Status, e.Rule, e.Note, e.Pledge, e.Instalment, e.Donor, e.Receipt, e.ConfirmedBy, e.ConfirmedAt);
}

public sealed record DonationView(
    Guid Id, string Fund, AmountView Amount, Donations.DonationFrequency Frequency, EarmarkKind Earmark, string? EarmarkTarget, Guid? Pledge, Donations.DonationStatus Status,
    string? Session, string? CheckoutUrl, Guid? Donor, string? Subscription, IReadOnlyList<Donations.DonationPayment> Payments, DateTimeOffset OpenedAt)
{
    public static DonationView Of(Donations.Donation d) => new(
        d.Id, d.Terms!.Fund, new AmountView(d.Terms.Amount, d.Terms.Currency), d.Terms.Frequency, d.Terms.Earmark, d.Terms.EarmarkTarget, d.Terms.Pledge, d.Status,
        d.Session, d.SessionUrl, d.Donor, d.Subscription, d.Payments, d.OpenedAt);
}
