using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Mail;

/// <summary>The outbox against a real SMTP server on loopback (scripts/smtp-sink.py), stopped and started by the test.</summary>
public sealed class OutboxFacts : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;
    private SmtpSink sink = null!;
    private TestServices app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        sink = SmtpSink.Reserve();
        app = database.With(sink.Settings(), clock);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task<Result<InviteUser.Invited>> InviteAsync(string email, string? language = null) =>
        app.RunAsync<InviteUser.Handler, Result<InviteUser.Invited>>(h =>
            h.HandleAsync(new InviteUser.Command(email, Roles.Editor, "CTP", null, language, "http://localhost"), CancellationToken.None));

    private Task<DeliverOutbox.Summary> DeliverAsync() =>
        app.RunAsync<DeliverOutbox.Handler, DeliverOutbox.Summary>(h => h.RunOnceAsync(CancellationToken.None));

    private Task<MailStatus.Result> StatusAsync() =>
        app.RunAsync<MailStatus.Handler, MailStatus.Result>(h => h.HandleAsync(new MailStatus.Query(), CancellationToken.None));

    [Fact]
    public async Task Messages_queued_while_the_server_is_down_are_each_delivered_once_when_it_is_back()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await InviteAsync($"officer{i}@example.org")).Succeeded);
        }

        // Down: every attempt fails, nothing is lost, each waits a minute before the next.
        Assert.Equal(new DeliverOutbox.Summary(0, 5, 0), await DeliverAsync());
        var waiting = await StatusAsync();
        Assert.Equal((5, 0, 0), (waiting.Queued, waiting.Sent, waiting.Failed));
        Assert.All(waiting.Rows, r => Assert.Equal(1, r.Attempts));
        Assert.All(waiting.Rows, r => Assert.Equal(clock.GetUtcNow().AddMinutes(1), r.NextAttemptAt));

        await sink.StartAsync();
        Assert.Equal(new DeliverOutbox.Summary(0, 0, 0), await DeliverAsync()); // backing off: not yet due
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DeliverOutbox.Summary(5, 0, 0), await DeliverAsync());
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DeliverOutbox.Summary(0, 0, 0), await DeliverAsync());

        var received = sink.Messages();
        Assert.Equal(5, received.Count);
        var sent = await StatusAsync();
        Assert.Equal((0, 5, 0), (sent.Queued, sent.Sent, sent.Failed));
        Assert.Equal(sent.Rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"officer{i}@example.org"), received.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task The_server_going_down_again_keeps_the_backoff_growing_and_loses_nothing()
    {
        Assert.True((await InviteAsync("late@example.org")).Succeeded);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await DeliverAsync();
            var row = (await StatusAsync()).Rows.Single();
            waits.Add(row.NextAttemptAt - clock.GetUtcNow());
            clock.Advance(row.NextAttemptAt - clock.GetUtcNow());
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)], waits);
        await sink.StartAsync();
        Assert.Equal(new DeliverOutbox.Summary(1, 0, 0), await DeliverAsync());
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task A_message_speaks_the_recipients_language_in_text_and_html_from_the_organisation_with_a_public_link()
    {
        await sink.StartAsync();
        Assert.True((await InviteAsync("english@example.org", "en")).Succeeded);
        Assert.True((await InviteAsync("french@example.org")).Succeeded);
        await DeliverAsync();

        var messages = sink.Messages().ToDictionary(m => m.To.Mailboxes.Single().Address);
        var english = messages["english@example.org"];
        Assert.StartsWith("Invitation to WorkProgramme", english.Subject);
        Assert.Contains("You are invited to use WorkProgramme", english.TextBody);
        Assert.Contains("You are invited to use WorkProgramme", english.HtmlBody);
        Assert.Equal("Organisation mondiale des douanes", english.From.Mailboxes.Single().Name);
        Assert.Equal("secretariat@example.org", english.From.Mailboxes.Single().Address);
        Assert.StartsWith("http://wp.example.org/account/set-password?token=", SmtpSink.LinkIn(english));
        Assert.Contains($"href=\"{SmtpSink.LinkIn(english)}\"", english.HtmlBody);

        var french = messages["french@example.org"];
        Assert.StartsWith("Invitation à WorkProgramme", french.Subject);
        Assert.Contains("Vous êtes invité", french.TextBody);
        Assert.Contains("expire le", french.HtmlBody);
    }

    [Fact]
    public async Task A_message_the_server_refuses_for_good_is_marked_failed_and_not_retried()
    {
        await sink.StartAsync();
        Assert.True((await InviteAsync("someone@refused.example")).Succeeded); // the sink answers 550 to this domain
        Assert.Equal(new DeliverOutbox.Summary(0, 0, 1), await DeliverAsync());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DeliverOutbox.Summary(0, 0, 0), await DeliverAsync());
        var status = await StatusAsync();
        Assert.Equal((0, 0, 1), (status.Queued, status.Sent, status.Failed));
        Assert.NotNull(status.Rows.Single().LastError);
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task A_message_the_server_refuses_for_now_stays_queued_with_a_backoff()
    {
        await sink.StartAsync();
        Assert.True((await InviteAsync("someone@later.example")).Succeeded); // the sink answers 451 to this domain
        Assert.True((await InviteAsync("other@example.org")).Succeeded);

        Assert.Equal(new DeliverOutbox.Summary(1, 1, 0), await DeliverAsync());
        var waiting = (await StatusAsync()).Rows.Single(r => r.State == OutboxState.Queued);
        Assert.Equal("someone@later.example", waiting.To);
        Assert.StartsWith("451", waiting.LastError);
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task Without_a_mail_server_configured_nothing_is_queued_and_the_link_is_given_back()
    {
        await using var off = database.With(new Dictionary<string, string?>(), clock);
        var invited = await off.RunAsync<InviteUser.Handler, Result<InviteUser.Invited>>(h =>
            h.HandleAsync(new InviteUser.Command("nomail@example.org", Roles.Member, "CTP", null, null, "http://localhost:5080"), CancellationToken.None));

        Assert.True(invited.Succeeded);
        Assert.False(invited.Value!.Queued);
        Assert.StartsWith("http://localhost:5080/account/set-password?token=", invited.Value.Link);
        Assert.Equal(0, await off.RunAsync<WorkProgrammeDb, int>(db => db.OutboxMessages.CountAsync()));
    }
}
