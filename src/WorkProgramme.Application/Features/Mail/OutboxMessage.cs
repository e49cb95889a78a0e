namespace WorkProgramme.Application.Features.Mail;

public enum OutboxState
{
    Queued,
    Sent,
    Failed,
}

/// <summary>What a message is about: the admin page and <c>wp mail status</c> say it in words.</summary>
public enum MailKind
{
    Invitation,
    PasswordReset,
    RoundReminder,
    RoundProgress,
    SessionDigest,
    CommentNotice,
}

/// <summary>
/// One e-mail, written in the same transaction as the change that causes it and delivered later by the sender
/// (docs/decisions/0030). Its Message-Id is chosen here, before any attempt, so a repeated attempt carries the same id.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 12;

    private OutboxMessage()
    {
        MessageId = ToAddress = Subject = TextBody = HtmlBody = Language = null!;
    }

    public OutboxMessage(MailKind kind, string toAddress, string? toName, string language, string subject, string textBody, string htmlBody,
        DateTimeOffset now, string domain)
    {
        Kind = kind;
        ToAddress = toAddress;
        ToName = toName;
        Language = language;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
        MessageId = $"{Guid.NewGuid():N}@{domain}";
    }

    public long Id { get; private set; }

    /// <summary>The Message-Id header without angle brackets, unique to this message.</summary>
    public string MessageId { get; private set; }

    public MailKind Kind { get; private set; }

    public string ToAddress { get; private set; }

    public string? ToName { get; private set; }

    /// <summary>"fr" or "en": the language the message was written in.</summary>
    public string Language { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public OutboxState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not before this instant: the backoff after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A sender holds the message until this instant (another instance leaves it alone meanwhile).</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        State = OutboxState.Sent;
        SentAt = now;
        Attempts++;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>
    /// A failed attempt: retried after 1, 2, 4… minutes (at most an hour apart) while the server is down or refuses for
    /// now; given up after <see cref="MaxAttempts"/>, or at once when the server refuses the message for good.
    /// </summary>
    public void MarkFailed(DateTimeOffset now, string error, bool permanent)
    {
        Attempts++;
        ClaimedUntil = null;
        LastError = error.Length > 500 ? error[..500] : error;
        if (permanent || Attempts >= MaxAttempts)
        {
            State = OutboxState.Failed;
            return;
        }

        NextAttemptAt = now + Backoff(Attempts);
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
}
