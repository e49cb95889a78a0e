namespace WorkProgramme.Application.Features.Notices;

/// <summary>What a reminder day sends: the officer's reminder of their reports, or the round's progress to the body's editors.</summary>
public enum NoticeKind
{
    RoundReminder,
    RoundProgress,
}

/// <summary>
/// One reminder sent: the round, the person, the reminder day. Unique, and written in the same transaction as the
/// message, so that no tick, second instance or <c>wp reminders send</c> can send it twice (docs/decisions/0036).
/// </summary>
public sealed class NoticeRecord
{
    private NoticeRecord()
    {
        UserId = null!;
    }

    public NoticeRecord(NoticeKind kind, int roundId, string userId, DateOnly day, DateTimeOffset sentAt)
    {
        Kind = kind;
        RoundId = roundId;
        UserId = userId;
        Day = day;
        SentAt = sentAt;
    }

    public long Id { get; private set; }

    public NoticeKind Kind { get; private set; }

    public int RoundId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The reminder day it was sent for: the session's start less one of <c>Reminders:DaysBefore</c>.</summary>
    public DateOnly Day { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
