using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// The audit trail read as a history, in the reader's language: what was changed (an activity, the status report of a
/// session), which column (the template's name for it), the values as words (enum values by their words, dates one way
/// per language, milestones as dates and texts, never JSON), and a long text as a word-level diff.
/// The trail itself keeps the developers' names (<see cref="AuditInterceptor"/>): this is the one place that reads them.
/// </summary>
public sealed partial class ChangeWords(Display display, IStringLocalizer<SharedResource> labels, HtmlEncoder encoder)
{
    /// <summary>One row of the history: the values, or a diff in place of both when the text is long.</summary>
    public sealed record View(string Subject, string Field, IHtmlContent Old, IHtmlContent New, IHtmlContent? Diff);

    /// <summary>Texts longer than this are shown as a diff rather than two copies.</summary>
    public const int LongText = 80;

    /// <summary>The entity types the trail names (<see cref="AuditInterceptor"/>), with the class whose fields it writes.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Entities = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["Activity"] = typeof(ActivityVersion),
        ["StatusReport"] = typeof(StatusReport),
        ["Programme"] = typeof(Programme),
        ["ProgrammeVersion"] = typeof(ProgrammeVersion),
        ["Session"] = typeof(Session),
        ["Decision"] = typeof(SessionDecision),
        ["Round"] = typeof(ReportingRound),
        ["Body"] = typeof(Body),
        ["StrategicPlan"] = typeof(StrategicPlan),
        ["PlanElement"] = typeof(StrategicPlanElement),
        ["TaskType"] = typeof(TaskType),
        ["Comment"] = typeof(Comment),
        ["Assignment"] = typeof(ActivityAssignment),
        ["ApiToken"] = typeof(ApiToken),
        ["TranslationMemory"] = typeof(Application.Features.Translation.TranslationMemoryImport),
        ["User"] = typeof(AppUser),
        ["UserRole"] = typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<string>),
    };

    /// <summary>Every enumeration of the domain by its name, to read the enum values written in summaries.</summary>
    private static readonly Type[] Enums = typeof(Session).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToArray();

    private static readonly HashSet<string> SessionKeyFields = ["SessionKey", "EndorsedAt", "ApprovedAt"];

    private static readonly HashSet<string> BodyCodeFields = ["BodyCode", "ReportsTo"];

    public View Describe(AuditTrail.Row row)
    {
        var field = FieldName(row.EntityType, row.Field);
        var (old, @new) = (Value(row.EntityType, row.Field, row.OldValue), Value(row.EntityType, row.Field, row.NewValue));
        IHtmlContent? diff = null;
        if (IsText(row.EntityType, row.Field) && (row.OldValue?.Length > LongText || row.NewValue?.Length > LongText))
        {
            var language = row.Field.EndsWith(".En", StringComparison.Ordinal) ? Language.En : Language.Fr;
            var changes = TextDiff.Compute(row.OldValue, row.NewValue);
            diff = new HtmlString($"<div class=\"diff\" lang=\"{language.Code()}\">{TextDiffHtml.ToHtml(changes, display.DiffLabels(language), display.PlainReferences)}</div>");
        }

        return new View(Subject(row), field, old, @new, diff);
    }

    /// <summary>"Status report — 245th/246th Sessions of the PTC (October 2024)", "Activity — version 2024-04".</summary>
    public string Subject(AuditTrail.Row row)
    {
        var type = EntityType(row.EntityType);
        var context = row.Context is null ? null : Key(row.Context);
        return context is null ? type : $"{type} — {context}";
    }

    /// <summary>
    /// An entity id as people know it: an activity by its label and title, a session or a programme by its name, a
    /// status report ("activity@session") by its activity and session.
    /// </summary>
    public string Entity(string entityId)
    {
        var at = entityId.LastIndexOf('@');
        if (at > 0 && display.Names.IsSession(entityId[(at + 1)..]))
        {
            var session = display.Session(entityId[(at + 1)..]);
            return Activity(entityId[..at]) is { } activity ? $"{activity} — {session}" : session;
        }

        return Activity(entityId) ?? Key(entityId) ?? entityId;
    }

    private string? Activity(string id) =>
        Guid.TryParse(id, out var activityId) && display.Names.Activity(activityId) is { } activity
            ? $"{activity.Label} {display.Plain(activity.Title)}"
            : null;

    public string EntityType(string entityType) => Word($"Audit.Type.{entityType}") ?? Word("Audit.Type.Other")!;

    /// <summary>The column's name in the reader's language; a text's language in brackets ("Activities (English)").</summary>
    public string FieldName(string entityType, string field)
    {
        if (field == AuditEntry.Created)
        {
            return labels["Audit.Created"];
        }

        if (field == AuditEntry.Deleted)
        {
            return labels["Audit.Deleted"];
        }

        var parts = field.Split('.');
        var name = Word($"Field.{entityType}.{parts[0]}") ?? Word($"Field.{parts[0]}") ?? labels["Field.Other"];
        return parts.Length > 1 && parts[^1] is "Fr" or "En" ? $"{name} ({labels[$"Field.In.{parts[^1]}"]})" : name;
    }

    public IHtmlContent Value(string entityType, string field, string? value)
    {
        if (value is null)
        {
            return new HtmlString("<span class=\"muted\">—</span>");
        }

        if (field == "Password")
        {
            return Html(value.Contains("changed", StringComparison.Ordinal) ? labels["Audit.PasswordChanged"] : "•••");
        }

        if (field is AuditEntry.Created or AuditEntry.Deleted)
        {
            return Html(entityType == "UserRole" ? Word($"Role.{value}") ?? value : Words(value));
        }

        if (field == "OutdatedTranslations")
        {
            return Html(OutdatedTranslations(value));
        }

        var type = PropertyType(entityType, field);
        if (value.StartsWith('{') || value.StartsWith('['))
        {
            return Json(value);
        }

        if (type is null)
        {
            return Html(Words(value));
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var property = field.Split('.')[0];
        return type switch
        {
            _ when type.IsEnum && Enum.TryParse(type, value, out var parsed) => Html(EnumWord((Enum)parsed!)),
            _ when type == typeof(bool) => Html(display.YesNo(value == "true")),
            _ when type == typeof(DateOnly) && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) => Html(display.Date(date)),
            _ when type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                => Html(display.DateTime(at)),
            _ when SessionKeyFields.Contains(property) => Html(display.Session(value)),
            _ when BodyCodeFields.Contains(property) => Html(display.Body(value)),
            _ when property is "Predecessor" or "Successor" => Html(Key(value) ?? value),
            _ when entityType == "Activity" && property == "TaskType" => Html(display.Names.TaskType(value, display.Language) ?? value),
            _ => Html(value),
        };
    }

    /// <summary>An enumeration's word whatever its type (the status keywords and levels from the document's table).</summary>
    public string EnumWord(Enum value) => value switch
    {
        StatusKeyword keyword => StatusWords.Of(keyword, display.Language),
        ExecutionLevel level => StatusWords.Of(level, display.Language),
        Section section => display.SectionTitle(section),
        _ => Word($"{value.GetType().Name}.{value}") ?? value.ToString(),
    };

    private bool IsText(string entityType, string field)
    {
        var type = PropertyType(entityType, field);
        return type == typeof(string) || field.EndsWith(".Fr", StringComparison.Ordinal) || field.EndsWith(".En", StringComparison.Ordinal);
    }

    private static Type? PropertyType(string entityType, string field)
    {
        if (!Entities.TryGetValue(entityType, out var entity))
        {
            return null;
        }

        var property = entity.GetProperty(field.Split('.')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return field.Contains('.', StringComparison.Ordinal) && property?.PropertyType == typeof(BilingualText) ? typeof(string) : property?.PropertyType;
    }

    /// <summary>A session key, a programme slug or a body code as its name; null when the text is none of them.</summary>
    private string? Key(string key)
    {
        if (display.Names.IsSession(key))
        {
            return display.Session(key);
        }

        if (display.Names.Programme(key) is { } title)
        {
            return display.Plain(title);
        }

        return display.Names.IsBody(key) ? display.Body(key) : null;
    }

    /// <summary>
    /// Who made a change, in the reader's words: the names the trail stores for the command line and start-up
    /// ("wp (operator)"), for a change with no one signed in ("anonymous", e.g. the first start's data) and for users
    /// single sign-on created ("single sign-on (e-mail)") are the application's own, not people's.
    /// </summary>
    public string Actor(string actor) => actor switch
    {
        AuditActors.Operator => display.Label("Audit.ActorOperator"),
        AuditActors.Anonymous => display.Label("Audit.ActorAnonymous"),
        _ when actor.StartsWith(AuditActors.SingleSignOnStart, StringComparison.Ordinal) && actor.EndsWith(')') =>
            string.Format(CultureInfo.CurrentCulture, display.Label("Audit.ActorSingleSignOn"), actor[AuditActors.SingleSignOnStart.Length..^1]),
        _ => actor,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(TimeBound|Permanent) (\d+)\b")]
    private static partial System.Text.RegularExpressions.Regex SectionAndNumber();

    /// <summary>A summary the trail wrote ("TimeBound 3: …", "NotStarted (Draft)") with each enum value and key as a word.</summary>
    private string Words(string text)
    {
        // A row as the trail names it ("TimeBound 3") is the activity's label ("I.3").
        text = SectionAndNumber().Replace(text, m => new ActivityLabel(Enum.Parse<Section>(m.Groups[1].Value),
            int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString());
        var result = new StringBuilder();
        foreach (var token in System.Text.RegularExpressions.Regex.Split(text, @"([\p{L}\p{N}-]+)"))
        {
            result.Append(Token(token));
        }

        return result.ToString();

        string Token(string token)
        {
            if (token.Length == 0 || !char.IsLetter(token[0]))
            {
                return token;
            }

            if (Key(token) is { } named)
            {
                return named;
            }

            foreach (var type in Enums)
            {
                if (char.IsUpper(token[0]) && Enum.IsDefined(type, token) && Enum.TryParse(type, token, out var value)
                    && EnumWordOrNull((Enum)value!) is { } word)
                {
                    return word;
                }
            }

            return token;
        }
    }

    private string? EnumWordOrNull(Enum value) => value switch
    {
        StatusKeyword or ExecutionLevel => EnumWord(value),
        Section section => display.SectionTitle(section),
        _ => Word($"{value.GetType().Name}.{value}"),
    };

    /// <summary>A value the trail wrote as JSON: milestones as dates and texts, texts in the reader's language, lists as lists.</summary>
    private IHtmlContent Json(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return new HtmlString(JsonHtml(document.RootElement));
        }
        catch (JsonException)
        {
            return Html(json.Replace("{\"", "{ \"", StringComparison.Ordinal).Replace("[{", "[ {", StringComparison.Ordinal));
        }
    }

    private string JsonHtml(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(JsonHtml).Where(i => i.Length > 0).ToList();
                if (items.Count == 0)
                {
                    return "<span class=\"muted\">—</span>";
                }

                return element.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    ? string.Join(", ", items)
                    : "<ul class=\"plain\">" + string.Concat(items.Select(i => $"<li>{i}</li>")) + "</ul>";
            case JsonValueKind.Object:
                return ObjectHtml(element);
            case JsonValueKind.String:
                var text = element.GetString() ?? "";
                return Encode(Key(text) ?? Words(text));
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return Encode(element.ValueKind switch
                {
                    JsonValueKind.True => display.YesNo(true),
                    JsonValueKind.False => display.YesNo(false),
                    _ => element.GetRawText(),
                });
            default:
                return "";
        }
    }

    private string ObjectHtml(JsonElement o)
    {
        string? Get(string name) => o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        int? Int(string name) => o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;

        // A bilingual text: the reader's language, the other one marked.
        if (o.TryGetProperty("Fr", out _) || o.TryGetProperty("En", out _))
        {
            var text = new BilingualText(Get("Fr"), Get("En"));
            return text.IsEmpty ? "" : display.Text(text).ToHtmlString();
        }

        // A milestone reached: its date and its text.
        if (o.TryGetProperty("Date", out var date) && o.TryGetProperty("Text", out var reachedText))
        {
            var when = date.ValueKind == JsonValueKind.String && DateOnly.TryParse(date.GetString(), CultureInfo.InvariantCulture, out var d)
                ? display.Date(d) : "—";
            return $"{Encode(when)}{Encode(labels["Audit.Colon"])}{JsonHtml(reachedText)}";
        }

        // A deadline: its text and its milestones.
        if (o.TryGetProperty("Milestones", out var milestones))
        {
            var text = o.TryGetProperty("Text", out var t) ? JsonHtml(t) : "";
            var list = JsonHtml(milestones);
            return o.TryGetProperty("Continuous", out var c) && c.ValueKind == JsonValueKind.True
                ? $"{text} ({Encode(EnumWord(MilestoneKind.Continuous))})"
                : $"{text}{(milestones.GetArrayLength() > 0 ? list : "")}";
        }

        // A deadline's milestone: a month, season, year or session, and the bodies it names.
        if (Get("Kind") is { } kindName && Enum.TryParse<MilestoneKind>(kindName, out var kind))
        {
            var year = Int("Year");
            var month = Int("Month");
            var when = kind switch
            {
                MilestoneKind.Month when year is { } y && month is { } m => display.MonthYear(y, m),
                MilestoneKind.Season when year is { } y && Enum.TryParse<Season>(Get("Season"), out var season) => $"{EnumWord(season)} {y}",
                MilestoneKind.Year when year is { } y => y.ToString(CultureInfo.InvariantCulture),
                MilestoneKind.Session when o.TryGetProperty("Ordinals", out var ordinals) && ordinals.ValueKind == JsonValueKind.Array =>
                    $"{SessionName.Ordinals(ordinals.EnumerateArray().Select(e => e.GetInt32()), display.Language)} ({display.Body(Get("SessionBody") ?? "")})",
                _ => EnumWord(kind),
            };
            var bodies = o.TryGetProperty("Bodies", out var b) && b.ValueKind == JsonValueKind.Array
                ? b.EnumerateArray().Select(e => display.Body(e.GetString() ?? "")).ToList()
                : [];
            return Encode(bodies.Count == 0 ? when : $"{when} ({string.Join(", ", bodies)})");
        }

        // A role chosen for a body: the body and the role's words.
        if (Get("Body") is { } roleBody && Enum.TryParse<BodyRole>(Get("Role"), out var role))
        {
            return Encode($"{display.Body(roleBody)}{labels["Audit.Colon"]}{EnumWord(role)}");
        }

        // Anything else: its values, never its names.
        return string.Join(" · ", o.EnumerateObject().Select(p => JsonHtml(p.Value)).Where(v => v.Length > 0));
    }

    private string? Word(string key)
    {
        var found = labels[key];
        return found.ResourceNotFound ? null : found.Value;
    }

    /// <summary>
    /// Drift marks as the trail keeps them (<c>[{"Field":"Narrative","Index":0,"Outdated":"En"}]</c>) in words:
    /// "Status (EN), Milestone reached 2 (EN)"; none as "—".
    /// </summary>
    private string OutdatedTranslations(string value)
    {
        try
        {
            using var json = JsonDocument.Parse(value);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Words(value);
            }

            var marks = json.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(mark =>
            {
                var field = mark.TryGetProperty("Field", out var f) ? f.GetString() : null;
                var index = mark.TryGetProperty("Index", out var i) && i.TryGetInt32(out var number) ? number : 0;
                var side = mark.TryGetProperty("Outdated", out var o) ? o.GetString() : null;
                var text = field switch
                {
                    nameof(ReportTextField.Narrative) => labels["Report.Narrative"],
                    nameof(ReportTextField.NextSteps) => labels["Status.NextSteps"],
                    nameof(ReportTextField.Milestone) => string.Format(CultureInfo.CurrentCulture, labels["Translation.MilestoneN"], index + 1),
                    _ when Enum.TryParse<TextField>(field, ignoreCase: false, out var textField) => labels[$"TextField.{textField}"],
                    _ => labels["Field.Other"],
                };
                return $"{text} ({side?.ToUpperInvariant()})";
            }).ToList();
            return marks.Count == 0 ? "—" : string.Join(", ", marks);
        }
        catch (JsonException)
        {
            return Words(value);
        }
    }

    private HtmlString Html(string text) => new(Encode(text));

    private string Encode(string text) => encoder.Encode(text);
}

internal static class HtmlContentText
{
    public static string ToHtmlString(this IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
