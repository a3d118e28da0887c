using System.Text.Json;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Persistence.Json;

namespace FundManager.Cluster;

/// <summary>
/// One command being decided by its entity's grain, in memory: the events it records (applied to the entity as they are
/// recorded, so a later step sees them), the journal entries and fund checks they bring, the receipt references it
/// claims. Nothing is written until the grain has the whole decision (<see cref="ToWrite"/>).
/// </summary>
public sealed class CommandDecision
{
    private readonly StreamId _stream;
    private readonly List<NewEvent> _events = [];
    private readonly List<object> _applied = [];
    private readonly List<PostingDraft> _postings = [];
    private readonly List<FundCheck> _checks = [];
    private readonly List<string> _references = [];
    private long? _expectedVersion;
    private FundCode? _fund;
    private long? _expectedFundVersion;

    internal CommandDecision(StreamId stream, CommandContext context, DateTimeOffset now)
    {
        _stream = stream;
        Context = context;
        Now = JournalHash.ToStoredPrecision(now);
    }

    public CommandContext Context { get; }

    public UserId Actor => Context.Actor;

    /// <summary>The time the command is recorded at, from the injected clock, to the microsecond as stored.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The events recorded so far, as applied to the entity.</summary>
    internal IReadOnlyList<object> Applied => _applied;

    /// <summary>
    /// The entity the command is about: it must exist, and when the sender said which version they saw, it must still
    /// be at that version (<see cref="BusinessRule.VersionMismatch"/>).
    /// </summary>
    public TEntity Target<TEntity>(TEntity entity)
        where TEntity : IVersioned
    {
        if (!entity.Exists)
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no {_stream.Kind} {_stream.Key}.", _stream.Kind, ("id", _stream.Key));
        }

        if (Context.ExpectedVersion is { } expected && expected != entity.Version)
        {
            throw RuleViolation.Of(
                BusinessRule.VersionMismatch,
                $"The {_stream.Kind} is at version {entity.Version}, not the version {expected} the command was based on; reload and try again.",
                null,
                ("expected", expected),
                ("actual", entity.Version));
        }

        return entity;
    }

    /// <summary>Refuses a command that would create an entity that exists already.</summary>
    public void RequireNew(IVersioned entity, string field, string message)
    {
        if (entity.Exists)
        {
            throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, message, field, ("id", _stream.Key));
        }
    }

    /// <summary>
    /// Applies decided events to the entity and keeps them, with the journal entry <paramref name="posting"/> derives from
    /// each and the fund check <paramref name="check"/> asks of it (both evaluated on the state before the event).
    /// </summary>
    public void Record<TEvent>(Entity<TEvent> entity, IEnumerable<TEvent> events, FundCode? fund, Func<TEvent, JournalEntryDraft?>? posting = null, Func<TEvent, FundCheck?>? check = null)
        where TEvent : class
    {
        _expectedVersion ??= entity.Version;
        _fund = fund;
        foreach (var e in events)
        {
            var draft = posting?.Invoke(e);
            if (check?.Invoke(e) is { } needed)
            {
                _checks.Add(needed);
            }

            entity.Apply(e);
            var name = EventTypes.NameOf(e);
            _applied.Add(e);
            _events.Add(new NewEvent(entity.Version, name, JsonSerializer.Serialize(e, e.GetType(), StoredJson.Options), EventTypes.ReasonOf(e)));
            if (draft is not null)
            {
                _postings.Add(new PostingDraft(draft, _stream.ToString(), entity.Version, name));
            }
        }
    }

    /// <summary>Claims a bank or processor reference; the database's unique key refuses a second claim, even by a racing silo.</summary>
    public void ClaimReceiptReference(string reference) => _references.Add(reference);

    /// <summary>Says the decision read the fund at <paramref name="version"/> (its rates): it is written only if the fund is still there.</summary>
    public void ExpectFund(FundCode fund, long version)
    {
        _fund = fund;
        _expectedFundVersion = version;
    }

    /// <summary>What the command writes, once decided.</summary>
    internal CommandWrite ToWrite(string kind, byte[] bodyHash, CommandResult result, IListed? entity)
    {
        var record = new CommandRecord(Context.Id, kind, bodyHash, result, Context.Actor, Now, Context.Audit);
        var stream = _events.Count == 0
            ? null
            : new StreamChange(_stream.ToString(), _stream.Kind, _fund, _expectedVersion!.Value, _events, entity?.Listing ?? Listing.None);
        return new CommandWrite(record, stream, _postings, _references, _checks, _fund, _expectedFundVersion);
    }
}
