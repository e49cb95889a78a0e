using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.Programmes;

/// <summary>
/// A new programme (administrators): a body, a period, titles, the document symbol of its first version, which starts
/// as an empty draft in the organisation's template (the PTC's: two sections, the same columns). With a programme to
/// carry over from, the next period: the activities the rule keeps (or those an editor ticked in the preview) are the
/// first draft's rows, each recording the one it continues, and the previous programme is archived
/// (docs/decisions/0039, 0040). The page at /programmes/new, the preview there and <c>wp programme new</c> call it.
/// </summary>
public static partial class CreateProgramme
{
    /// <param name="Period">"2025-2028".</param>
    /// <param name="Chosen">The activities to carry over; null: the rule's (every permanent one, every time-bound one not completed).</param>
    /// <param name="PreviewState">The digest of the preview the editor confirmed (<see cref="Preview.State"/>); null from the command line.</param>
    /// <param name="Plan">The Strategic Plan's period ("2026-2029") whose codes its activities name; null: the plan whose period covers the programme's first year.</param>
    public sealed record Command(Viewer Viewer, string? Slug, string? BodyCode, string? Period, string? TitleFr = null, string? TitleEn = null,
        string? DocumentSymbol = null, string? CarryOverFrom = null, IReadOnlyCollection<Guid>? Chosen = null, string? PreviewState = null,
        string? Plan = null);

    /// <param name="Plan">As <see cref="Command.Plan"/>: the plan whose codes the carried activities are checked against.</param>
    public sealed record PreviewQuery(Viewer Viewer, string CarryOverFrom, string? Period, string? Plan = null);

    /// <summary>
    /// What a carry-over would take: every live activity of the source's latest version, with the rule's answer; the plan
    /// the new programme would follow (its period; null: none) and the names of the source's codes, for those it lacks.
    /// </summary>
    public sealed record Preview(string Slug, BilingualText Title, string VersionLabel, int PeriodStartMonth,
        IReadOnlyList<CarryOverCandidate> Candidates, string State, string? PlanPeriod, IReadOnlyDictionary<string, BilingualText> CodeNames);

    /// <summary>A carried activity (its new label) and the codes it keeps that the new programme's plan does not hold.</summary>
    public sealed record FlaggedCodes(string Label, IReadOnlyList<string> Codes);

    /// <summary>
    /// The new programme, its first version, how many activities it took over, which carried deadlines need a new one and
    /// which carried activities name codes the plan it follows (<see cref="PlanPeriod"/>) does not hold (their new labels).
    /// </summary>
    public sealed record Created(string Slug, string VersionLabel, int Carried, IReadOnlyList<string> DeadlinesBeforePeriod,
        string? PlanPeriod = null, IReadOnlyList<FlaggedCodes>? CodesNotInPlan = null);

    public const int SlugMaxLength = 80;

    public const int SymbolMaxLength = 40;

    /// <summary>The programme a carry-over reads, with the latest published keyword of each activity.</summary>
    private sealed record Source(Programme Programme, ProgrammeVersion Version, IReadOnlyDictionary<Guid, StatusKeyword?> Keywords,
        ProgrammeRules.MilestoneMonth MonthOf, IReadOnlyDictionary<string, BilingualText> CodeNames);

    /// <summary>What the write loads: the programme carried over from (tracked, it is archived), or none.</summary>
    private sealed record Creation(Source? From);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline, TimeProvider clock)
    {
        /// <summary>The preview of a carry-over into a period; null when the programme does not exist or the viewer may not create one.</summary>
        public async Task<Result<Preview>> HandleAsync(PreviewQuery query, CancellationToken cancellationToken)
        {
            if (!query.Viewer.IsAdmin)
            {
                return Failure.Forbidden;
            }

            if (ParsePeriod(query.Period) is not { } period)
            {
                return Failure.Invalid("period", PeriodWords);
            }

            var source = await LoadSourceAsync(query.CarryOverFrom, tracked: false, cancellationToken);
            if (source is null)
            {
                return Failure.NotFound;
            }

            var problems = new List<FieldMessage>();
            var plan = await PlanOfAsync(db, query.Plan, period, problems, cancellationToken);
            if (problems.Count > 0)
            {
                return Failure.InvalidFields(problems);
            }

            return PreviewOf(source, StartMonth(period.Start), await FollowedAsync(db, plan?.Id, cancellationToken));
        }

        public Task<Result<Created>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<Creation, Created>(command.Viewer, null, async ct =>
            {
                if (string.IsNullOrWhiteSpace(command.CarryOverFrom))
                {
                    return new Target<Creation>(new Creation(null), command.BodyCode ?? "", "");
                }

                var source = await LoadSourceAsync(command.CarryOverFrom.Trim(), tracked: true, ct);
                return source is null ? null : new Target<Creation>(new Creation(source), command.BodyCode ?? "", "");
            },
            (creation, ct) => CreateAsync(command, creation.From, ct))
            {
                CreatesNew = true,
                Serialized = true,
                MayChange = (viewer, _) => viewer.IsAdmin,
            }, cancellationToken);

        private async Task<Result<Created>> CreateAsync(Command command, Source? source, CancellationToken cancellationToken)
        {
            var (programme, symbol, problems) = await NewAsync(db, command.Slug, command.BodyCode, command.Period, command.TitleFr, command.TitleEn,
                command.DocumentSymbol, command.Plan, cancellationToken);
            if (programme is null)
            {
                return Failure.InvalidFields(problems);
            }

            var startMonth = StartMonth(programme.PeriodStart);
            var followed = await FollowedAsync(db, programme.PlanId, cancellationToken);
            IReadOnlySet<Guid>? chosen = null;
            if (source is not null)
            {
                var preview = PreviewOf(source, startMonth, followed);
                if (command.PreviewState is not null && command.PreviewState != preview.State)
                {
                    return Failure.Refused(new BilingualText(
                        "Le programme repris a changé depuis l’aperçu (une activité, un rapport de situation ou une version) : relisez l’aperçu, puis confirmez.",
                        "The programme carried over has changed since the preview (an activity, a status report or a version): read the preview again, then confirm."));
                }

                chosen = command.Chosen?.ToHashSet() ?? preview.Candidates.Where(c => c.ByRule).Select(c => c.ActivityId).ToHashSet();
                if (chosen.Any(id => preview.Candidates.All(c => c.ActivityId != id)))
                {
                    return Failure.Invalid("carry", new BilingualText(
                        "Une activité choisie ne figure pas dans le programme repris.", "A chosen activity is not in the programme carried over."));
                }
            }

            if (source is not null)
            {
                programme.Continue(source.Programme);
            }

            db.Programmes.Add(programme);

            // The activities name the programme by its key: the programme is stored first, in the write's transaction.
            await db.SaveChangesAsync(cancellationToken);
            var label = clock.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var version = programme.AddVersion(label, symbol, null);
            var flagged = new List<string>();
            var codes = new List<FlaggedCodes>();
            if (source is not null && chosen is not null)
            {
                var lineage = CarryOver.Carry(source.Programme.Slug, source.Version, chosen, version, Guid.NewGuid);
                foreach (var (id, from) in lineage)
                {
                    db.Activities.Add(new Activity(id, programme.Id, from));
                }

                flagged.AddRange(version.Activities.OrderBy(r => r.SortKey)
                    .Where(r => r.Section == Section.TimeBound && CarryOver.DeadlineBefore(r.Deadline, startMonth, source.MonthOf))
                    .Select(r => ActivityLabel.Of(r).ToString()));

                // A code the new plan lacks is kept as written and flagged, like a deadline before the period (docs/decisions/0049).
                codes.AddRange(followed is null ? [] : version.Activities.OrderBy(r => r.SortKey)
                    .Select(r => new FlaggedCodes(ActivityLabel.Of(r).ToString(), followed.Missing(r.PlanCodes)))
                    .Where(f => f.Codes.Count > 0));
            }

            return new Created(programme.Slug, version.Label, version.Activities.Count, flagged, followed?.Period, codes);
        }

        private static Preview PreviewOf(Source source, int startMonth, FollowedPlan? plan)
        {
            var candidates = CarryOver.Candidates(source.Version, id => source.Keywords.GetValueOrDefault(id), startMonth, source.MonthOf, plan);
            var state = StateVersion.Of(source.Programme.Slug, source.Programme.IsArchived, source.Version.Label, source.Version.State, startMonth,
                plan?.Period, plan is null ? null : string.Join(' ', plan.Codes.Order(StringComparer.Ordinal)),
                candidates.Select(c => new object?[] { c.ActivityId, c.Label, c.Title.Fr, c.Title.En, c.LastKeyword?.ToString(), c.ByRule, c.DeadlineBeforePeriod,
                    string.Join(' ', c.CodesNotInPlan) }));
            return new Preview(source.Programme.Slug, source.Programme.Title, source.Version.Label, startMonth, candidates, state, plan?.Period,
                source.CodeNames);
        }

        /// <summary>The plan a programme follows as the checks read it; null when it follows none.</summary>
        internal static async Task<FollowedPlan?> FollowedAsync(WorkProgrammeDb db, int? planId, CancellationToken cancellationToken)
        {
            if (planId is null)
            {
                return null;
            }

            var plan = await db.StrategicPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.StartYear, p.EndYear }).SingleAsync(cancellationToken);
            var codes = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).Select(e => e.Code).ToListAsync(cancellationToken);
            return new FollowedPlan(StrategicPlan.PeriodOf(plan.StartYear, plan.EndYear), codes.ToHashSet(StringComparer.Ordinal));
        }

        private async Task<Source?> LoadSourceAsync(string slug, bool tracked, CancellationToken cancellationToken)
        {
            var programmes = tracked ? db.Programmes : db.Programmes.AsNoTracking();
            var programme = await programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            if (programme?.Latest is not { } version)
            {
                return null;
            }

            var sessions = await db.Sessions.AsNoTracking().ToListAsync(cancellationToken);
            var months = sessions.ToDictionary(s => s.Key, s => s.MonthIndex, StringComparer.Ordinal);
            var ids = version.Activities.Select(a => a.ActivityId).ToList();
            var published = await db.StatusReports.AsNoTracking()
                .Where(r => r.State == ReportState.Published && ids.Contains(r.ActivityId))
                .Select(r => new { r.ActivityId, r.SessionKey, r.Keyword })
                .ToListAsync(cancellationToken);
            var keywords = published.GroupBy(r => r.ActivityId)
                .ToDictionary(g => g.Key, g => g.MaxBy(r => months.GetValueOrDefault(r.SessionKey, int.MinValue))!.Keyword);
            int? MonthOf(DeadlineMilestone milestone) => milestone.Kind == MilestoneKind.Session
                ? sessions.FirstOrDefault(s => s.BodyCode == milestone.SessionBody && s.Ordinals.SequenceEqual(milestone.Ordinals))?.MonthIndex
                : milestone.MonthIndex;
            var names = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == programme.PlanId)
                .ToDictionaryAsync(e => e.Code, e => e.Label, StringComparer.Ordinal, cancellationToken);
            return new Source(programme, version, keywords, MonthOf, names);
        }

        private static int StartMonth(int periodStart) => Programme.PeriodOpens(periodStart);
    }

    /// <summary>
    /// The checks of a new programme (identifier free, known body, period, document symbol) and the programme they give,
    /// not yet stored; null with the problems, field by field. The archive import creates its programmes through it too.
    /// </summary>
    internal static async Task<(Programme? Programme, string? Symbol, List<FieldMessage> Problems)> NewAsync(WorkProgrammeDb db, string? slugText,
        string? bodyText, string? periodText, string? titleFr, string? titleEn, string? symbolText, string? planText, CancellationToken cancellationToken)
    {
        var problems = new List<FieldMessage>();
        var slug = slugText?.Trim() ?? "";
        if (!SlugPattern().IsMatch(slug) || slug.Length > SlugMaxLength)
        {
            problems.Add(new("slug", new BilingualText(
                $"L’identifiant est obligatoire : des minuscules, des chiffres et des tirets, {SlugMaxLength} caractères au plus (par exemple ctp-2025-2028).",
                $"The identifier is required: lower-case letters, digits and hyphens, at most {SlugMaxLength} characters (for example ptc-2025-2028).")));
        }
        else if (await db.Programmes.AnyAsync(p => p.Slug == slug, cancellationToken))
        {
            problems.Add(new("slug", new BilingualText($"Un programme porte déjà l’identifiant « {slug} ».", $"A programme already has the identifier '{slug}'.")));
        }

        var bodyCode = bodyText?.Trim() ?? "";
        var body = bodyCode.Length == 0 ? null : await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == bodyCode, cancellationToken);
        if (body is null)
        {
            problems.Add(new("body", bodyCode.Length == 0
                ? new BilingualText("Choisissez l’organe dont c’est le programme.", "Choose the body whose programme it is.")
                : new BilingualText($"Organe inconnu « {bodyCode} ».", $"Unknown body '{bodyCode}'.")));
        }

        var period = ParsePeriod(periodText);
        if (period is null)
        {
            problems.Add(new("period", PeriodWords));
        }

        var symbol = Symbol(symbolText, "symbol", problems);
        var plan = await PlanOfAsync(db, planText, period, problems, cancellationToken);

        if (problems.Count > 0 || body is null || period is null)
        {
            return (null, null, problems);
        }

        var title = new BilingualText(
            Blank(titleFr) ?? $"Programme de travail {period.Value.Start}-{period.Value.End} du {body.Abbreviation.Fr ?? body.Code}",
            Blank(titleEn) ?? $"{body.Abbreviation.En ?? body.Abbreviation.Fr ?? body.Code} Work Programme {period.Value.Start}-{period.Value.End}");
        var programme = new Programme(slug, body.Code, period.Value.Start, period.Value.End, title);
        if (plan is not null)
        {
            programme.Follow(plan);
        }

        return (programme, symbol, problems);
    }

    /// <summary>The plan named by its period, else the one whose period covers the programme's first year; a problem under "plan" for an unknown one.</summary>
    private static async Task<StrategicPlan?> PlanOfAsync(WorkProgrammeDb db, string? planText, (int Start, int End)? period, List<FieldMessage> problems,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(planText))
        {
            var years = StrategicPlan.ParsePeriod(planText);
            var plan = years is { } y ? await db.StrategicPlans.SingleOrDefaultAsync(p => p.StartYear == y.Start && p.EndYear == y.End, cancellationToken) : null;
            if (plan is null)
            {
                problems.Add(new("plan", new BilingualText($"Aucun Plan stratégique pour la période « {planText.Trim()} ».",
                    $"No Strategic Plan for the period '{planText.Trim()}'.")));
            }

            return plan;
        }

        if (period is not { } covered)
        {
            return null;
        }

        return await db.StrategicPlans.Where(p => p.StartYear <= covered.Start && covered.Start <= p.EndYear)
            .OrderByDescending(p => p.StartYear).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A document symbol as given (blank: none), or a problem under <paramref name="field"/>.</summary>
    internal static string? Symbol(string? text, string field, List<FieldMessage> problems)
    {
        var symbol = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (symbol is not null && (symbol.Length > SymbolMaxLength || !symbol.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '(' or ')')))
        {
            problems.Add(new(field, new BilingualText(
                $"La cote du document : lettres, chiffres et / - . ( ), {SymbolMaxLength} caractères au plus (par exemple PC0780).",
                $"The document symbol: letters, digits and / - . ( ), at most {SymbolMaxLength} characters (for example PC0780).")));
        }

        return symbol;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static readonly BilingualText PeriodWords = new(
        "La période : deux années de 2000 à 2100, la seconde après la première (par exemple 2025-2028).",
        "The period: two years from 2000 to 2100, the second after the first (for example 2025-2028).");

    /// <summary>"2025-2028" as its two years; null for anything else.</summary>
    public static (int Start, int End)? ParsePeriod(string? text)
    {
        var match = PeriodPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var (start, end) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return start is >= 2000 and <= 2100 && end is >= 2000 and <= 2100 && end > start ? (start, end) : null;
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{4})$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
