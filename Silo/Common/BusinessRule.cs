namespace FundManager.Common;

/// <summary>Every rule a command can break. Names are stable identifiers; never renumber or rename.</summary>
public enum BusinessRule
{
    // Input that cannot be accepted whatever the state.
    InvalidInput,
    UnknownCurrency,
    UnknownCountry,
    UnknownSdgTarget,
    AmountMustBePositive,
    AmountPrecisionExceedsCurrency,
    AmountTooLarge,
    CurrencyMismatch,
    NoExchangeRate,
    ExchangeRateConflict,

    // Entities and commands.
    EntityNotFound,
    EntityAlreadyExists,
    ConcurrencyConflict,
    CommandIdReused,
    IllegalTransition,
    ReasonRequired,

    // Funds and donors.
    InvalidFundCode,
    RateOutOfRange,
    MemberStateNeedsCountry,

    // Pledges and receipts.
    InstalmentsRequired,
    InstalmentsDoNotSumToTotal,
    DuplicateInstalmentDueDate,
    AmendmentBelowPaid,
    AmendmentChangesNothing,
    PledgeNotSigned,
    ReceiptCurrencyDiffersFromPledge,
    DuplicateReceiptReference,
    ReceiptExceedsOutstanding,
    AllocationDoesNotMatchReceipt,
    UnknownInstalment,
    EarmarkTargetUnknown,
    NothingReceivable,

    // Grants.
    PeriodEndsBeforeStart,
    BudgetYearOutsidePeriod,
    TrancheScheduleDoesNotSumToBudget,
    TrancheOutsidePeriod,
    RegionDoesNotMatchCountry,
    RecommendationRequired,
    RecommendationUnknown,
    RecommendationConcernsAnotherState,
    ConsentRequired,
    InsufficientUncommittedFunds,
    BudgetBelowDisbursed,
    PaidTrancheCannotChange,

    // Tranches.
    GrantNotApproved,
    TrancheOutOfOrder,
    TrancheAlreadyPrepared,
    TrancheNotPrepared,
    ProgressReportNotAccepted,
    TrancheExceedsUndisbursedCommitment,
    PreparerCannotApprove,
    InsufficientCash,
    TranchePending,

    // Outcomes.
    IndicatorUnknown,
    ProgressReportUnknown,
    RecommendationNotServedByGrant,

    // Added later; names are stable, so new rules go at the end.
    VersionMismatch,
    BankEntryNotACredit,
    BankEntryUnmatched,
    ReversalExceedsReceipt,
    OnlineGivingOff,
    PaymentDiffersFromGift,
}
