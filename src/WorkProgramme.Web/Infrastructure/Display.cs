using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>How pages show content: the chosen language, with a visible mark where the other one stands in.</summary>
public sealed class Display(IStringLocalizer<SharedResource> labels, HtmlEncoder encoder, ReferenceLinks references, RecordNames names)
{
    public Language Language => Localization.CurrentLanguage;

    public string Label(string key) => labels[key];

    /// <summary>
    /// A count with its noun in the right form: <c>Key.One</c> or <c>Key.Other</c>, each with <c>{0}</c> for the number.
    /// French takes the singular for 0 and 1, English for 1 only.
    /// </summary>
    public string Plural(string key, int count, params object[] more) => Plurals.Format(labels, key, count, Language, more);

    /// <summary>A session by its name ("243rd/244th Sessions of the PTC (April 2024)"), never its key.</summary>
    public string Session(string sessionKey) => names.Session(sessionKey, Language);

    /// <summary>A session known by its body and numbers only (an assumed next session), named as any other.</summary>
    public string SessionName(string bodyCode, IReadOnlyList<int> ordinals, int year, int month) =>
        Domain.Sessions.SessionName.Of(ordinals, year, month, names.BodyWords(bodyCode), Language);

    /// <summary>A body by its abbreviation in the page's language (PTC in English, CTP in French).</summary>
    public string Body(string bodyCode) => names.Body(bodyCode, Language);

    /// <summary>A programme by its title in the page's language, never its slug.</summary>
    public IHtmlContent Programme(string slug) => names.Programme(slug) is { } title ? Text(title) : new HtmlString(Encode(slug));

    /// <summary>The names behind the record's keys, for pages that show keys from elsewhere (the audit trail).</summary>
    public RecordNames Names => names;

    /// <summary>"avril 2024" / "April 2024": a month and year, one way per language.</summary>
    public string MonthYear(int year, int month) => Domain.Sessions.SessionName.MonthYear(year, month, Language);

    /// <summary>A moment in UTC, one way per language: "12 avril 2024 14:05 UTC".</summary>
    public string DateTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo(Language == Language.Fr ? "fr-FR" : "en-GB")) + " UTC";

    /// <summary>A date, one way per language: "12 avril 2024" / "12 April 2024".</summary>
    public string Date(DateOnly date) =>
        date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(Language == Language.Fr ? "fr-FR" : "en-GB"));

    /// <summary>The words announced around a change, in the language of the text they surround (not the page's).</summary>
    public DiffLabels DiffLabels(Language language)
    {
        var page = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Code());
        try
        {
            return new DiffLabels(labels["Diff.InsertionStart"], labels["Diff.InsertionEnd"], labels["Diff.DeletionStart"], labels["Diff.DeletionEnd"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = page;
        }
    }

    /// <summary>An enumeration's word; the status keywords and levels are the document's own, from one table.</summary>
    public string Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => value switch
        {
            StatusKeyword keyword => StatusWords.Of(keyword, Language),
            ExecutionLevel level => StatusWords.Of(level, Language),
            _ => labels[$"{typeof(TEnum).Name}.{value}"],
        };

    public string Enum<TEnum>(TEnum? value, string whenNull = "—")
        where TEnum : struct, System.Enum => value is { } v ? Enum(v) : whenNull;

    /// <summary>Plain text in the chosen language (fallback to the other, unmarked): for titles and attributes.</summary>
    public string Plain(BilingualText text)
    {
        var shown = text.For(Language);
        return shown.Text is null ? "—" : references.Plain(shown.Text, shown.Language);
    }

    /// <summary>Raw text with each reference to an activity written as its number (for diffs and attributes).</summary>
    public string PlainReferences(string text) => references.Plain(text, Language);

    /// <summary>
    /// The text in the chosen language; where only the other language has it, that text with its language
    /// tagged and a visible "FR"/"EN" marker; where neither has it, a dash announced as "not provided".
    /// </summary>
    public IHtmlContent Text(BilingualText text, bool block = false)
    {
        var shown = text.For(Language);
        var tag = block ? "div" : "span";
        if (shown.IsMissing)
        {
            return new HtmlString($"<span class=\"missing\" aria-label=\"{Encode(labels["Text.NotProvided"])}\">—</span>");
        }

        var body = WithReferences(shown.Text!, shown.Language);
        if (!shown.IsFallback)
        {
            return new HtmlString($"<{tag} class=\"text\">{body}</{tag}>");
        }

        var code = shown.Language.Code();
        var note = labels[$"Text.FallbackTo.{code}"];
        return new HtmlString(
            $"<{tag} class=\"text fallback\" lang=\"{code}\"><abbr class=\"lang-tag\" title=\"{Encode(note)}\">{code.ToUpperInvariant()}</abbr>"
            + $"<span class=\"visually-hidden\">{Encode(note)}</span> {body}</{tag}>");
    }

    public IHtmlContent Codes(IEnumerable<CodeLabel> codes)
    {
        var items = codes.Select(c =>
        {
            var name = c.Name.For(Language).Text;
            var display = Encode(c.Display.For(Language).Text ?? c.Code);
            return name is null ? $"<span class=\"code\">{display}</span>" : $"<abbr class=\"code\" title=\"{Encode(name)}\">{display}</abbr>";
        });
        return new HtmlString(string.Join(", ", items));
    }

    public string Number(ActivityRowView row) =>
        row.Number?.ToString(CultureInfo.InvariantCulture) ?? "—";

    public string YesNo(bool? value) => value switch
    {
        true => labels["Yes"],
        false => labels["No"],
        null => "—",
    };

    /// <summary>A listed session by its name, from the one place that names sessions (<see cref="Session(string)"/>).</summary>
    public string SessionName(SessionView session) => Session(session.Key);

    /// <summary>A moment's date as the language writes it: "7 décembre 2026", "7 December 2026".</summary>
    public string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(value.UtcDateTime));

    public string SectionTitle(Section section) => labels[$"Section.{section}.Title"];

    /// <summary>The encoded text, each reference to an activity a link showing its number in the version shown.</summary>
    private string WithReferences(string text, Language language)
    {
        if (!ActivityReferences.HasAny(text))
        {
            return Encode(text);
        }

        var html = new System.Text.StringBuilder();
        foreach (var segment in ActivityReferences.Split(text))
        {
            if (segment.Target is not { } id)
            {
                html.Append(Encode(segment.Text));
                continue;
            }

            var target = references.Resolve(id, language);
            var css = target.Retired ? "xref retired" : "xref";
            var note = target.Retired ? " title=\"" + Encode(labels["Reference.Retired"]) + "\"" : "";
            var shownNumber = Encode(target.Text);
            html.Append(target.Href is null
                ? $"<span class=\"{css}\"{note}>{shownNumber}</span>"
                : $"<a class=\"{css}\" href=\"{Encode(target.Href)}\"{note}>{shownNumber}</a>");
        }

        return html.ToString();
    }

    private string Encode(string value) => encoder.Encode(value);
}
