using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Notices;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Notices;

/// <summary>
/// Round reminders with <c>Reminders:DaysBefore=14,3</c> on a fake clock: officers with reports not yet updated and the
/// body's editors are told on the 14th and the 3rd day before the session, on no other day, and never twice.
/// </summary>
public sealed class RoundReminderFacts : IAsyncLifetime
{
    private NoticeScenario s = null!;
    private Viewer anne = null!;
    private Viewer eve = null!;

    public async Task InitializeAsync()
    {
        s = await NoticeScenario.CreateAsync();
        anne = await s.UserAsync("anne@example.org", Roles.Editor, "CTP", "en");
        var bruno = await s.UserAsync("bruno@example.org", Roles.Editor, null);
        var claire = await s.UserAsync("claire@example.org", Roles.Editor, "CTP");
        eve = await s.UserAsync("eve@example.org", Roles.Editor, "CTP");
        await s.UserAsync("dan@example.org", Roles.Member, "CTP");
        await s.UserAsync("cpg@example.org", Roles.Editor, "CPG");
        await s.AssignAsync(0, anne);
        await s.AssignAsync(1, anne);
        await s.AssignAsync(2, bruno);
        await s.AssignAsync(3, claire);
        await s.UpdateAsync(0);
        await s.DeactivateAsync(bruno);
        await s.ChooseAsync(claire.UserId!, c => c with { EmailRoundReminders = false });
    }

    public async Task DisposeAsync() => await s.DisposeAsync();

    private static IEnumerable<string> Sent(SendReminders.Result result) =>
        result.Queued.Select(n => $"{n.Kind} {n.To} {n.Reports}").Order(StringComparer.Ordinal);

    [Fact]
    public async Task Reminders_leave_on_each_configured_day_before_the_session_and_on_no_other()
    {
        string[] expected = ["RoundProgress anne@example.org 94", "RoundProgress eve@example.org 94", "RoundReminder anne@example.org 1"];
        var sent = new Dictionary<int, IEnumerable<string>>();
        foreach (var day in new[] { 20, 15, 14, 13, 4, 3, 2, 1, 0, -1 })
        {
            s.SetDay(day);
            sent[day] = Sent(await s.RemindAsync()).ToList();
        }

        Assert.Equal(expected, sent[14]);
        Assert.Equal(expected, sent[3]);
        Assert.All(new[] { 20, 15, 13, 4, 2, 1, 0, -1 }, day => Assert.Empty(sent[day]));
        var ledger = await s.App.RunAsync<WorkProgrammeDb, List<NoticeRecord>>(db => db.Set<NoticeRecord>().AsNoTracking().ToListAsync());
        Assert.Equal([NoticeScenario.Start.AddDays(-14), NoticeScenario.Start.AddDays(-3)], ledger.Select(r => r.Day).Distinct().Order());
        Assert.Equal(6, (await s.OutboxAsync()).Count);
    }

    [Fact]
    public async Task A_second_run_on_the_same_day_sends_nothing_again()
    {
        s.SetDay(14, hour: 6);
        Assert.Equal(3, (await s.RemindAsync()).Queued.Count);
        s.SetDay(14, hour: 23);
        var again = await s.RemindAsync();

        Assert.Empty(again.Queued);
        Assert.Equal(3, again.AlreadySent);
        Assert.Equal(3, (await s.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Two_instances_running_the_same_day_at_once_send_each_reminder_once()
    {
        s.SetDay(14);
        await using var other = s.Database.With(new Dictionary<string, string?>(s.Sink.Settings()) { ["Reminders:DaysBefore"] = "14,3" }, s.Clock);

        var results = await Task.WhenAll(s.RemindAsync(), s.RemindAsync(on: other));

        Assert.Equal(3, results.Sum(r => r.Queued.Count));
        Assert.Equal(3, (await s.OutboxAsync()).Count);
    }

    [Fact]
    public async Task The_ledger_refuses_a_second_record_of_the_same_round_person_and_day()
    {
        s.SetDay(14);
        await s.RemindAsync();
        var record = await s.App.RunAsync<WorkProgrammeDb, NoticeRecord>(db => db.Set<NoticeRecord>().AsNoTracking().FirstAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => s.App.RunAsync<WorkProgrammeDb, int>(db =>
        {
            db.Add(new NoticeRecord(record.Kind, record.RoundId, record.UserId, record.Day, s.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_leave_and_writes_nothing()
    {
        s.SetDay(3);
        var before = await s.Database.ContentHashAsync();

        var dry = await s.RemindAsync(dryRun: true);

        Assert.Equal(["RoundProgress anne@example.org 94", "RoundProgress eve@example.org 94", "RoundReminder anne@example.org 1"], Sent(dry));
        Assert.All(dry.Queued, n => Assert.Equal(NoticeScenario.Start.AddDays(-3), n.Day));
        Assert.Equal(before, await s.Database.ContentHashAsync());
    }

    [Fact]
    public async Task An_officer_whose_reports_are_all_updated_gets_no_reminder_but_the_editors_still_get_the_progress()
    {
        await s.UpdateAsync(1);
        s.SetDay(14);

        Assert.Equal(["RoundProgress anne@example.org 94", "RoundProgress eve@example.org 94"], Sent(await s.RemindAsync()));
    }

    [Fact]
    public async Task A_reminder_day_before_the_round_opened_is_skipped_and_one_missed_since_is_caught_up_once()
    {
        await using var late = await NoticeScenario.CreateAsync("45,30,14"); // the round opened 37 days before the session
        var officer = await late.UserAsync("late@example.org", Roles.Editor, "CTP");
        await late.AssignAsync(0, officer);

        late.SetDay(37);
        Assert.Empty((await late.RemindAsync()).Queued); // the 45th day came before the round
        late.SetDay(20); // the 30th day passed with the app down
        var caughtUp = await late.RemindAsync();
        Assert.Equal(["RoundProgress late@example.org 94", "RoundReminder late@example.org 1"], Sent(caughtUp));
        Assert.All(caughtUp.Queued, n => Assert.Equal(NoticeScenario.Start.AddDays(-30), n.Day));
        late.SetDay(19);
        Assert.Empty((await late.RemindAsync()).Queued);
        late.SetDay(14);
        Assert.Equal(2, (await late.RemindAsync()).Queued.Count);
    }

    [Fact]
    public async Task Reminders_are_delivered_through_the_mail_server_in_each_persons_language_with_links_to_the_report_forms()
    {
        await s.Sink.StartAsync();
        s.SetDay(14);
        await s.RemindAsync();

        Assert.Equal(new DeliverOutbox.Summary(3, 0, 0), await s.DeliverAsync());
        var messages = s.Sink.Messages();
        Assert.Equal(3, messages.Count);
        var reminder = messages.Single(m => m.Subject?.StartsWith("Reminder:", StringComparison.Ordinal) == true);
        Assert.Equal("anne@example.org", reminder.To.Mailboxes.Single().Address);
        Assert.StartsWith("Reminder: 1 status report to update — 245th/246th Sessions of the PTC", reminder.Subject);
        var row = s.Round.Rows[1];
        Assert.Contains($"{row.Reference} — {NoticeTemplates.Words(row.Title, Domain.Common.Language.En)}", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://wp.example.org/programmes/{SeedFile.PtcSlug}/rounds/{NoticeScenario.Session}/reports/{row.ActivityId}", reminder.TextBody,
            StringComparison.Ordinal);
        Assert.Contains($"href=\"http://wp.example.org/programmes/{SeedFile.PtcSlug}/rounds/{NoticeScenario.Session}/reports/{row.ActivityId}\"", reminder.HtmlBody,
            StringComparison.Ordinal);
        Assert.DoesNotContain(s.Round.Rows[0].Reference + " — ", reminder.TextBody, StringComparison.Ordinal); // updated: not listed
        Assert.Contains("in 14 days", reminder.TextBody, StringComparison.Ordinal);

        var progress = messages.Single(m => m.To.Mailboxes.Single().Address == "eve@example.org");
        Assert.StartsWith("Avancement du cycle : 1 sur 94 rapports mis à jour", progress.Subject); // no language chosen: French
        Assert.Contains("1 sur 94 mis à jour, dont 0 revu ; 93 rapports pas encore mis à jour.", progress.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://wp.example.org/programmes/{SeedFile.PtcSlug}/rounds/{NoticeScenario.Session}", progress.HtmlBody, StringComparison.Ordinal);

        s.SetDay(13);
        await s.RemindAsync();
        await s.DeliverAsync();
        Assert.Equal(3, s.Sink.Messages().Count);
    }

    [Fact]
    public async Task Without_a_mail_server_nothing_is_queued_nor_recorded()
    {
        await using var off = s.Database.With(new Dictionary<string, string?> { ["Reminders:DaysBefore"] = "14,3" }, s.Clock);
        s.SetDay(14);
        var before = await s.Database.ContentHashAsync();

        var result = await s.RemindAsync(on: off);

        Assert.False(result.MailConfigured);
        Assert.Equal(before, await s.Database.ContentHashAsync());
    }
}
