using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Notices;

/// <summary>The session digest leaves with a round's publication; a new comment tells the activity's officers.</summary>
public sealed class DigestAndCommentNoticeFacts : IAsyncLifetime
{
    private NoticeScenario s = null!;

    public async Task InitializeAsync() => s = await NoticeScenario.CreateAsync();

    public async Task DisposeAsync() => await s.DisposeAsync();

    private Task<Result<Done>> PublishAsync(bool confirmed) =>
        s.App.RunAsync<PublishRound.Handler, Result<Done>>(async h => await h.HandleAsync(new(NoticeScenario.Editor, SeedFile.PtcSlug, NoticeScenario.Session,
            confirmed, await h.CurrentVersionAsync(SeedFile.PtcSlug, NoticeScenario.Session, CancellationToken.None)), CancellationToken.None));

    private Task<bool> CommentAsync(Viewer who, int row, string text) =>
        s.App.RunAsync<Comments.Handler, bool>(h => h.AddAsync(new Comments.Add(who, SeedFile.PtcSlug, s.Round.Rows[row].ActivityId,
            NoticeScenario.Session, text, Language.Fr), CancellationToken.None));

    [Fact]
    public async Task A_published_round_sends_its_digest_once_to_each_subscribed_member_of_the_body_in_their_language()
    {
        var subscribed = await s.UserAsync("member@example.org", Roles.Member, "CTP", "en");
        await s.ChooseAsync(subscribed.UserId!, c => c with { EmailSessionDigest = true });
        await s.UserAsync("quiet@example.org", Roles.Member, "CTP");
        var otherBody = await s.UserAsync("cpg@example.org", Roles.Member, "CPG");
        await s.ChooseAsync(otherBody.UserId!, c => c with { EmailSessionDigest = true });
        var gone = await s.UserAsync("gone@example.org", Roles.Member, "CTP");
        await s.ChooseAsync(gone.UserId!, c => c with { EmailSessionDigest = true });
        await s.DeactivateAsync(gone);
        await s.UpdateAsync(0);
        await s.Sink.StartAsync();

        Assert.Equal(FailureKind.Conflict, (await PublishAsync(confirmed: false)).Failure?.Kind); // refused: nothing queued
        Assert.Empty(await s.OutboxAsync());
        Assert.True((await PublishAsync(confirmed: true)).Succeeded);
        await s.DeliverAsync();
        s.Clock.Advance(TimeSpan.FromHours(2));
        await s.DeliverAsync();

        var message = Assert.Single(s.Sink.Messages());
        Assert.Equal("member@example.org", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("What changed since the previous session · ", message.Subject);
        Assert.Contains("245th/246th Sessions of the PTC", message.Subject, StringComparison.Ordinal);
        var row = s.Round.Rows[0];
        Assert.Contains($"- {row.Reference} — ", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Keyword: Ongoing → Completed", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://wp.example.org/programmes/{SeedFile.PtcSlug}/activities/{row.ActivityId}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://wp.example.org/programmes/{SeedFile.PtcSlug}/sessions/{NoticeScenario.Session}/changes\"", message.HtmlBody,
            StringComparison.Ordinal);
        Assert.Equal(MailKind.SessionDigest, Assert.Single(await s.OutboxAsync()).Kind);
    }

    [Fact]
    public async Task A_new_comment_tells_the_officers_of_the_activity_who_want_it_but_not_the_commenter()
    {
        var anne = await s.UserAsync("anne@example.org", Roles.Editor, "CTP");
        var bruno = await s.UserAsync("bruno@example.org", Roles.Editor, "CTP");
        await s.ChooseAsync(bruno.UserId!, c => c with { EmailCommentNotices = false });
        var gone = await s.UserAsync("gone@example.org", Roles.Editor, "CTP");
        await s.AssignAsync(0, anne, bruno, gone);
        await s.DeactivateAsync(gone);
        var member = await s.UserAsync("delegate@example.org", Roles.Member, "CTP");

        Assert.True(await CommentAsync(member, 0, "Le calendrier paraît ambitieux."));
        var notice = Assert.Single(await s.OutboxAsync());
        Assert.Equal((MailKind.CommentNotice, "anne@example.org"), (notice.Kind, notice.ToAddress));
        Assert.StartsWith($"Nouveau commentaire sur {s.Round.Rows[0].Reference}", notice.Subject);
        Assert.Contains("delegate@example.org a commenté", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Le calendrier paraît ambitieux.", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://wp.example.org/programmes/{SeedFile.PtcSlug}/activities/{s.Round.Rows[0].ActivityId}", notice.TextBody, StringComparison.Ordinal);

        Assert.True(await CommentAsync(anne, 0, "Nous en parlerons en séance."));
        Assert.True(await CommentAsync(member, 5, "Pas d’officier ici."));
        Assert.Single(await s.OutboxAsync());
    }
}
