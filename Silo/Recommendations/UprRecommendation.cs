using FundManager.Common;
using FundManager.Entities;
using FundManager.Reference;

namespace FundManager.Recommendations;

/// <summary>
/// A recommendation made to a State in the Universal Periodic Review: who made it, in which cycle and
/// session, its text, themes and SDG targets, and whether the State supported or noted it.
/// </summary>
public sealed class UprRecommendation : Entity<RecommendationEvent>, IListed
{
    public string Id { get; private set; } = "";

    public CountryCode StateUnderReview { get; private set; }

    public IReadOnlyList<CountryCode> RecommendingStates { get; private set; } = [];

    public int Cycle { get; private set; }

    public int Session { get; private set; }

    public string Text { get; private set; } = "";

    public IReadOnlyList<string> Themes { get; private set; } = [];

    public IReadOnlyList<string> SdgTargets { get; private set; } = [];

    public RecommendationPosition Position { get; private set; }

    public IReadOnlyList<string> AffectedPersons { get; private set; } = [];

    /// <summary>The symbol of the UN document the recommendation is in (its working group report), when known.</summary>
    public string? DocumentSymbol { get; private set; }

    /// <summary>The recommendation <paramref name="command"/> describes, checked, under <paramref name="id"/>.</summary>
    public static RecommendationRegistered Register(string id, RegisterRecommendation command)
    {
        var checkedId = Common.Text.Check(id, "id", 100, allowLineBreaks: false);
        var state = KnownCountry(command.StateUnderReview, "stateUnderReview");
        var recommending = (command.RecommendingStates ?? []).Select((s, i) => KnownCountry(s, $"recommendingStates[{i}]")).Distinct().ToList();
        if (command.Cycle is < 1 or > 20 || command.Session is < 1 or > 200)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The UPR cycle is 1–20 and the session 1–200.", "cycle");
        }

        if (!Enum.IsDefined(command.Position))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The position is supported or noted.", "position");
        }

        var targets = (command.SdgTargets ?? []).Select(t => SdgCatalog.Default.Find(t?.Trim() ?? "")?.Id
            ?? throw RuleViolation.Of(BusinessRule.UnknownSdgTarget, $"'{t}' is not one of the 169 SDG targets.", "sdgTargets", ("target", t))).Distinct().ToList();
        var themes = (command.Themes ?? []).Select(t => Common.Text.Check(t, "themes", 200, allowLineBreaks: false)).Distinct().ToList();
        var affected = (command.AffectedPersons ?? []).Select(p => Common.Text.Check(p, "affectedPersons", 200, allowLineBreaks: false)).Distinct().ToList();
        var symbol = command.DocumentSymbol is { Length: > 0 } text ? Common.Text.Check(text, "documentSymbol", 100, allowLineBreaks: false) : null;
        return new RecommendationRegistered(
            checkedId, state, recommending, command.Cycle, command.Session, Common.Text.Check(command.Text, "text", 4000), themes, targets, command.Position, affected, symbol);
    }

    /// <summary>
    /// What an import of <paramref name="command"/> records: the recommendation registered when it is new, revised when
    /// it differs from what the import gives, nothing when it does not.
    /// </summary>
    public RecommendationEvent[] Import(string id, RegisterRecommendation command)
    {
        var imported = Register(id, command);
        if (!Exists)
        {
            return [imported];
        }

        var revised = new RecommendationRevised(
            imported.StateUnderReview, imported.RecommendingStates, imported.Cycle, imported.Session, imported.Text, imported.Themes,
            imported.SdgTargets, imported.Position, imported.AffectedPersons ?? [], imported.DocumentSymbol);
        return Matches(revised) ? [] : [revised];
    }

    public Listing Listing => new(Category: Position.ToString(), Country: StateUnderReview.Value);

    protected override void When(RecommendationEvent @event)
    {
        switch (@event)
        {
            case RecommendationRegistered e:
                Id = e.Id;
                (StateUnderReview, RecommendingStates, Cycle, Session, Text, Themes, SdgTargets, Position) =
                    (e.StateUnderReview, e.RecommendingStates, e.Cycle, e.Session, e.Text, e.Themes, e.SdgTargets, e.Position);
                (AffectedPersons, DocumentSymbol) = (e.AffectedPersons ?? [], e.DocumentSymbol);
                break;
            case RecommendationRevised e:
                (StateUnderReview, RecommendingStates, Cycle, Session, Text, Themes, SdgTargets, Position) =
                    (e.StateUnderReview, e.RecommendingStates, e.Cycle, e.Session, e.Text, e.Themes, e.SdgTargets, e.Position);
                (AffectedPersons, DocumentSymbol) = (e.AffectedPersons, e.DocumentSymbol);
                break;
            default:
                throw new InvalidOperationException($"Unknown recommendation event {@event.GetType().Name}.");
        }
    }

    private bool Matches(RecommendationRevised e) =>
        e.StateUnderReview == StateUnderReview && e.RecommendingStates.SequenceEqual(RecommendingStates) && e.Cycle == Cycle
        && e.Session == Session && e.Text == Text && e.Themes.SequenceEqual(Themes) && e.SdgTargets.SequenceEqual(SdgTargets)
        && e.Position == Position && e.AffectedPersons.SequenceEqual(AffectedPersons) && e.DocumentSymbol == DocumentSymbol;

    private static CountryCode KnownCountry(string? value, string field) =>
        CountryCode.TryParse(value, out var code) && CountryCatalog.Default.Find(code) is not null
            ? code
            : throw RuleViolation.Of(BusinessRule.UnknownCountry, $"'{value}' is not an ISO 3166 alpha-3 country code.", field, ("country", value));
}
