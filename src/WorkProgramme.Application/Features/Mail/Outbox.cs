using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Mail;

/// <summary>Queues a message in the caller's unit of work: it is saved, or not, with the change that causes it.</summary>
public static class Outbox
{
    public static OutboxMessage Add(WorkProgrammeDb db, MailSettings settings, TimeProvider clock, MailKind kind, string to, string? toName,
        Language language, MailTemplates.Composed composed)
    {
        var message = new OutboxMessage(kind, to, toName, language.Code(), composed.Subject, composed.Text, composed.Html, clock.GetUtcNow(),
            settings.Domain);
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>The language of e-mails to a person: the one they chose, French otherwise.</summary>
    public static Language LanguageOf(string? preferred) => Languages.TryParse(preferred, out var language) ? language : Language.Fr;
}
