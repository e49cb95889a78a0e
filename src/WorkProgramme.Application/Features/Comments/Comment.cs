using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Comments;

/// <summary>
/// Feedback from a committee member on an activity for a session (footnote 6's "feedback received from working
/// bodies"); the Secretariat reads it while writing the round's report.
/// </summary>
public sealed class Comment
{
    public const int MaxLength = 4000;

    private Comment()
    {
        SessionKey = AuthorName = null!;
        Text = BilingualText.Empty;
    }

    public Comment(Guid activityId, string sessionKey, string authorName, BilingualText text, DateTimeOffset createdAt)
    {
        if (text.IsEmpty || (text.Fr?.Length ?? 0) > MaxLength || (text.En?.Length ?? 0) > MaxLength)
        {
            throw new DomainException($"Un commentaire compte de 1 à {MaxLength} caractères.", $"A comment has 1 to {MaxLength} characters.");
        }

        TextRule.Comment.Check(text);

        ActivityId = activityId;
        SessionKey = sessionKey;
        AuthorName = authorName;
        Text = text;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public string SessionKey { get; private set; }

    public string AuthorName { get; private set; }

    public BilingualText Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
