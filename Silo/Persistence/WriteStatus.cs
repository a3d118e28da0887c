namespace FundManager.Persistence;

/// <summary>How the write of one command ended.</summary>
public enum WriteStatus
{
    /// <summary>Written and committed.</summary>
    Committed,

    /// <summary>The command id was in the log already: nothing written; the first result (or a reuse of the id) is looked up.</summary>
    CommandExists,

    /// <summary>A rule refused it (a receipt reference used before, a fund check that no longer passes): nothing written.</summary>
    Refused,

    /// <summary>The entity's stream has moved on past the version its grain holds (another activation wrote it): nothing written.</summary>
    StaleEntity,

    /// <summary>The fund's rates changed after the decision read them: nothing written; decide again.</summary>
    FundChanged,

    /// <summary>The fund's grain found its own state stale: nothing written; send again.</summary>
    FundStale,

    /// <summary>The connection failed while committing: the write may or may not have committed.</summary>
    Unknown,

    /// <summary>The database refused it for a reason no rule names (a fault): nothing written.</summary>
    Failed,
}
