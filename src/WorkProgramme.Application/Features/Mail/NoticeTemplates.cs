using System.Globalization;
using System.Net;
using System.Text;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Mail;

/// <summary>
/// The words of the notices (round reminder, round progress, session digest, new comment), in French and English,
/// plain text and HTML. Beside <see cref="MailTemplates"/> for the same reason: <c>wp reminders send</c> queues them too.
/// </summary>
public static class NoticeTemplates
{
    /// <summary>A line of a list: its words, and the page it opens.</summary>
    public sealed record Item(string Text, string Link);

    public sealed record Report(string Label, BilingualText Title, string Link);

    public static MailTemplates.Composed RoundReminder(Language language, string organisation, BilingualText programme, BilingualText session,
        DateOnly start, int daysLeft, IReadOnlyList<Report> reports)
    {
        var fr = language == Language.Fr;
        var n = reports.Count;
        var subject = fr
            ? $"Rappel : {Count(n, "rapport de situation à mettre à jour", "rapports de situation à mettre à jour", fr)} — {Words(session, language)}"
            : $"Reminder: {Count(n, "status report to update", "status reports to update", fr)} — {Words(session, language)}";
        var intro = fr
            ? $"{Words(session, language)} : début le {Date(start, language)} ({Days(daysLeft, language)}). {(n == 1 ? "Ce rapport de situation" : "Ces rapports de situation")} de « {Words(programme, language)} » qui vous {(n == 1 ? "est confié n’est" : "sont confiés ne sont")} pas encore mis à jour :"
            : $"{Words(session, language)}: starting on {Date(start, language)} ({Days(daysLeft, language)}). {(n == 1 ? "This status report" : "These status reports")} of “{Words(programme, language)}” assigned to you {(n == 1 ? "is" : "are")} not updated yet:";
        var after = fr ? "Mettez-les à jour en suivant les liens ; ce rappel ne sera pas répété pour ce jour." : "Update them by following the links; this reminder is not repeated for this day.";
        return Build(language, organisation, subject, [fr ? "Bonjour," : "Hello,", intro],
            reports.Select(r => new Item($"{r.Label} — {Words(r.Title, language)}", r.Link)).ToList(), [after]);
    }

    public static MailTemplates.Composed RoundProgress(Language language, string organisation, BilingualText programme, BilingualText session,
        DateOnly start, int daysLeft, int reports, int updated, int reviewed, string roundLink)
    {
        var fr = language == Language.Fr;
        var done = updated + reviewed;
        var subject = fr
            ? $"Avancement du cycle : {done} sur {Count(reports, "rapport mis à jour", "rapports mis à jour", fr)} — {Words(session, language)}"
            : $"Round progress: {done} of {Count(reports, "report updated", "reports updated", fr)} — {Words(session, language)}";
        var status = fr
            ? $"Rapports de situation de « {Words(programme, language)} » : {done} sur {reports} mis à jour, dont {reviewed} {(reviewed <= 1 ? "revu" : "revus")} ; {Count(reports - done, "rapport", "rapports", fr)} pas encore mis à jour."
            : $"Status reports of “{Words(programme, language)}”: {done} of {reports} updated, {reviewed} of them reviewed; {Count(reports - done, "report", "reports", fr)} not updated yet.";
        var intro = fr
            ? $"{Words(session, language)} : début le {Date(start, language)} ({Days(daysLeft, language)})."
            : $"{Words(session, language)}: starting on {Date(start, language)} ({Days(daysLeft, language)}).";
        return Build(language, organisation, subject, [fr ? "Bonjour," : "Hello,", intro, status],
            [new Item(fr ? "Le cycle de rapports" : "The reporting round", roundLink)], []);
    }

    public static MailTemplates.Composed CommentNotice(Language language, string organisation, BilingualText programme, string activityLabel,
        BilingualText activityTitle, string author, string comment, string activityLink)
    {
        var fr = language == Language.Fr;
        var subject = fr ? $"Nouveau commentaire sur {activityLabel} — {Words(programme, language)}" : $"New comment on {activityLabel} — {Words(programme, language)}";
        var intro = fr
            ? $"{author} a commenté l’activité {activityLabel} « {Words(activityTitle, language)} », qui vous est confiée :"
            : $"{author} commented on activity {activityLabel} “{Words(activityTitle, language)}”, assigned to you:";
        return Build(language, organisation, subject, [fr ? "Bonjour," : "Hello,", intro, comment],
            [new Item(fr ? "L’activité et ses commentaires" : "The activity and its comments", activityLink)], []);
    }

    /// <summary>
    /// The session digest, as the digest page shows it (Pages/Programmes/_DigestBody, styled inline as decision 0008 says
    /// mail clients need): the summary, one row per changed report, a link to the changes in detail.
    /// </summary>
    public static MailTemplates.Composed SessionDigest(Language language, string organisation, Rounds.SessionChanges.Result changes,
        BilingualText session, Func<Guid, string> activityLink, string changesLink)
    {
        var fr = language == Language.Fr;
        var programme = Words(changes.ProgrammeTitle, language);
        var heading = fr ? "Ce qui a changé depuis la session précédente" : "What changed since the previous session";
        var subject = $"{heading} · {programme} — {Words(session, language)}";
        var changed = changes.Changes.Count;
        var levels = changes.Changes.Count(c => c.LevelChanged);
        var summary = fr
            ? $"{changed} {(changed <= 1 ? "activité a un rapport de situation modifié" : "activités ont un rapport de situation modifié")}, dont {levels} {(levels <= 1 ? "changement" : "changements")} de niveau d’exécution ; {changes.Unchanged} sans changement."
            : $"{changed} {(changed == 1 ? "activity has a changed status report" : "activities have a changed status report")}, {levels} of them with a new execution level; {changes.Unchanged} unchanged.";
        string Level(Domain.StatusReports.ExecutionLevel? level) => level is { } l ? Domain.StatusReports.StatusWords.Of(l, language) : "—";
        string Keyword(Domain.StatusReports.StatusKeyword? keyword) => keyword is { } k ? Domain.StatusReports.StatusWords.Of(k, language) : "—";
        var textChanged = fr ? "Texte de l’état d’avancement modifié" : "Status text changed";
        var more = fr ? "Voir le détail des modifications" : "See the changes in detail";

        var text = new StringBuilder();
        text.Append(heading).Append(" · ").Append(programme).Append(" — ").Append(Words(session, language)).Append("\n\n").Append(summary).Append("\n\n");
        foreach (var change in changes.Changes)
        {
            text.Append("- ").Append(change.Reference).Append(" — ").Append(Words(change.Title, language)).Append('\n')
                .Append("  ").Append(fr ? "Niveau : " : "Level: ").Append(Level(change.LevelBefore)).Append(" → ").Append(Level(change.LevelAfter))
                .Append(" · ").Append(fr ? "Mot clé : " : "Keyword: ").Append(Keyword(change.KeywordBefore)).Append(" → ").Append(Keyword(change.KeywordAfter));
            if (change.NarrativeFr.HasChanges() || change.NarrativeEn.HasChanges())
            {
                text.Append(" · ").Append(textChanged);
            }

            text.Append('\n').Append("  ").Append(activityLink(change.ActivityId)).Append('\n');
        }

        text.Append('\n').Append(more).Append(" : ".AsSpan(fr ? 0 : 1)).Append(changesLink).Append("\n\n— ").Append(organisation).Append('\n');

        const string cell = "border-bottom: 1px solid #d9dee6; padding: 4px;";
        const string head = "text-align: left; border-bottom: 2px solid #d9dee6; padding: 4px;";
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{language.Code()}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body>\n")
            .Append("<div style=\"font-family: Arial, sans-serif; color: #1c2430; max-width: 720px;\">\n")
            .Append($"<h1 style=\"font-size: 20px; margin: 0 0 8px;\">{Encode(heading)} · {Encode(programme)} — {Encode(Words(session, language))}</h1>\n")
            .Append($"<p style=\"margin: 0 0 12px;\">{Encode(summary)}</p>\n")
            .Append("<table style=\"border-collapse: collapse; width: 100%; font-size: 13px;\">\n<thead><tr>")
            .Append($"<th scope=\"col\" style=\"{head}\">{(fr ? "N°" : "No.")}</th>")
            .Append($"<th scope=\"col\" style=\"{head}\">{(fr ? "Activités" : "Activities")}</th>")
            .Append($"<th scope=\"col\" style=\"{head}\">{Encode(fr ? "Niveau d’exécution (avant → après)" : "Execution level (before → after)")}</th>")
            .Append($"<th scope=\"col\" style=\"{head}\">{Encode(fr ? "Mot clé (avant → après)" : "Keyword (before → after)")}</th>")
            .Append("</tr></thead>\n<tbody>\n");
        foreach (var change in changes.Changes)
        {
            html.Append("<tr>")
                .Append($"<th scope=\"row\" style=\"text-align: left; {cell}\"><a href=\"{Encode(activityLink(change.ActivityId))}\">{Encode(change.Reference)}</a></th>")
                .Append($"<td style=\"{cell}\">{Encode(Words(change.Title, language))}</td>")
                .Append($"<td style=\"{cell}\">{Encode(Level(change.LevelBefore))} → <strong>{Encode(Level(change.LevelAfter))}</strong></td>")
                .Append($"<td style=\"{cell}\">{Encode(Keyword(change.KeywordBefore))} → {Encode(Keyword(change.KeywordAfter))}");
            if (change.NarrativeFr.HasChanges() || change.NarrativeEn.HasChanges())
            {
                html.Append($"<br><em>{Encode(textChanged)}</em>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n")
            .Append($"<p style=\"margin: 12px 0 0;\"><a href=\"{Encode(changesLink)}\">{Encode(more)}</a></p>\n</div>\n")
            .Append($"<p>— {Encode(organisation)}</p>\n</body></html>\n");
        return new MailTemplates.Composed(subject, text.ToString(), html.ToString());
    }

    /// <summary>"3 rapports", "1 report": a real plural.</summary>
    public static string Count(int n, string one, string other, bool french) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 || (french && n == 0) ? one : other)}";

    public static string Words(BilingualText text, Language language) => text.For(language).Text ?? "";

    public static string Date(DateOnly date, Language language) => language == Language.Fr
        ? date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))
        : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Days(int days, Language language) => language == Language.Fr
        ? (days == 1 ? "demain" : $"dans {days} jours")
        : (days == 1 ? "tomorrow" : $"in {days} days");

    internal static MailTemplates.Composed Build(Language language, string organisation, string subject, IReadOnlyList<string> before,
        IReadOnlyList<Item> items, IReadOnlyList<string> after)
    {
        var signature = $"— {organisation}";
        var text = new StringBuilder();
        foreach (var paragraph in before)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var item in items)
        {
            text.Append("- ").Append(item.Text).Append('\n').Append("  ").Append(item.Link).Append('\n');
        }

        text.Append('\n');
        foreach (var paragraph in after)
        {
            text.Append(paragraph).Append("\n\n");
        }

        text.Append(signature).Append('\n');
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{language.Code()}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body>\n");
        foreach (var paragraph in before)
        {
            html.Append($"<p>{Encode(paragraph)}</p>\n");
        }

        if (items.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var item in items)
            {
                html.Append($"<li><a href=\"{Encode(item.Link)}\">{Encode(item.Text)}</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        foreach (var paragraph in after)
        {
            html.Append($"<p>{Encode(paragraph)}</p>\n");
        }

        html.Append($"<p>{Encode(signature)}</p>\n</body></html>\n");
        return new MailTemplates.Composed(subject, text.ToString(), html.ToString());
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
