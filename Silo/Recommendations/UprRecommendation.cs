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

    public static RecommendationEvent[] Register(
        string id, string stateUnderReview, IReadOnlyList<string> recommendingStates, int cycle, int session,
        string text, IReadOnlyList<string> themes, IReadOnlyList<string> sdgTargets, RecommendationPosition position)
    {
        var checkedId = Common.Text.Check(id, "id", 100, allowLineBreaks: false);
        var state = KnownCountry(stateUnderReview, "stateUnderReview");
        var recommending = (recommendingStates ?? []).Select((s, i) => KnownCountry(s, $"recommendingStates[{i}]")).Distinct().ToList();
        if (cycle is < 1 or > 20 || session is < 1 or > 200)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The UPR cycle is 1–20 and the session 1–200.", "cycle");
        }

        if (!Enum.IsDefined(position))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The position is supported or noted.", "position");
        }

        var targets = (sdgTargets ?? []).Select(t => SdgCatalog.Default.Find(t?.Trim() ?? "")?.Id
            ?? throw RuleViolation.Of(BusinessRule.UnknownSdgTarget, $"'{t}' is not one of the 169 SDG targets.", "sdgTargets", ("target", t))).Distinct().ToList();
        var themeList = (themes ?? []).Select(t => Common.Text.Check(t, "themes", 200, allowLineBreaks: false)).Distinct().ToList();
        return [new RecommendationRegistered(checkedId, state, recommending, cycle, session, Common.Text.Check(text, "text", 4000), themeList, targets, position)];
    }

    public Listing Listing => new(Category: Position.ToString(), Country: StateUnderReview.Value);

    protected override void When(RecommendationEvent @event)
    {
        switch (@event)
        {
            case RecommendationRegistered e:
                Id = e.Id;
                StateUnderReview = e.StateUnderReview;
                RecommendingStates = e.RecommendingStates;
                Cycle = e.Cycle;
                Session = e.Session;
                Text = e.Text;
                Themes = e.Themes;
                SdgTargets = e.SdgTargets;
                Position = e.Position;
                break;
            default:
                throw new InvalidOperationException($"Unknown recommendation event {@event.GetType().Name}.");
        }
    }

    private static CountryCode KnownCountry(string? value, string field) =>
        CountryCode.TryParse(value, out var code) && CountryCatalog.Default.Find(code) is not null
            ? code
            : throw RuleViolation.Of(BusinessRule.UnknownCountry, $"'{value}' is not an ISO 3166 alpha-3 country code.", field, ("country", value));
}
