using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Notices;

/// <summary>
/// The PTC's 245th/246th sessions starting on 10 March 2025, a round opened on 1 February, officers assigned to its
/// first reports, a mail server (the sink, started by the tests that read it) and a clock of the test's.
/// </summary>
public sealed class NoticeScenario : IAsyncDisposable
{
    public const string Session = "ctp-245-246";

    public static readonly DateOnly Start = new(2025, 3, 10);

    public static readonly Viewer Editor = new("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private NoticeScenario(TestDatabase database, SmtpSink sink, FakeTimeProvider clock, TestServices app)
    {
        Database = database;
        Sink = sink;
        Clock = clock;
        App = app;
    }

    public TestDatabase Database { get; }

    public SmtpSink Sink { get; }

    public FakeTimeProvider Clock { get; }

    public TestServices App { get; }

    public RoundStatus.Result Round { get; private set; } = null!;

    public static async Task<NoticeScenario> CreateAsync(string daysBefore = "14,3")
    {
        var database = await TestDatabase.CreateAsync();
        var sink = SmtpSink.Reserve();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>(sink.Settings()) { ["Reminders:DaysBefore"] = daysBefore };
        var scenario = new NoticeScenario(database, sink, clock, database.With(settings, clock));
        await scenario.App.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2025, 3, Season.Spring, Start), CancellationToken.None));
        await scenario.App.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, Session), CancellationToken.None));
        await scenario.ReloadAsync();
        return scenario;
    }

    public async Task ReloadAsync() =>
        Round = (await App.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(Editor, SeedFile.PtcSlug, Session), CancellationToken.None)))!;

    public async Task<Viewer> UserAsync(string email, string role, string? body, string? language = null)
    {
        var outcome = await App.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, role, body, "correct horse battery"), CancellationToken.None));
        if (language is not null)
        {
            await ChooseAsync(outcome.UserId!, c => c with { Language = language });
        }

        return new Viewer(outcome.UserId, email, new HashSet<string> { role }, body);
    }

    public Task ChooseAsync(string userId, Func<UserPreferences.Choices, UserPreferences.Choices> change) =>
        App.RunAsync<UserPreferences.Handler>(async h => await h.SaveAsync(userId, change((await h.GetAsync(userId, CancellationToken.None))!), CancellationToken.None));

    public Task DeactivateAsync(Viewer user) =>
        App.RunAsync<WorkProgrammeDb>(db => db.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, Clock.GetUtcNow())));

    public Task<Result<string>> AssignAsync(int row, params Viewer[] officers) =>
        App.RunAsync<Features.Assignments.Assignments.Handler, Result<string>>(async h =>
        {
            var activity = Round.Rows[row].ActivityId;
            var current = (await h.ByActivityAsync([activity], CancellationToken.None)).GetValueOrDefault(activity) ?? [];
            return await h.HandleAsync(new(Editor, SeedFile.PtcSlug, activity, officers.Select(o => o.UserId!).ToList(),
                Features.Assignments.Assignments.VersionOf(current.Select(o => o.UserId))), CancellationToken.None);
        });

    public async Task UpdateAsync(int row, Viewer? by = null)
    {
        var report = Round.Rows[row];
        var written = await App.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(by ?? Editor, SeedFile.PtcSlug, Session,
            report.ActivityId, report.RowVersion, StatusKeyword.Completed, new BilingualText("Achevé.", "Completed."), BilingualText.Empty, []),
            CancellationToken.None));
        Assert.True(written.Succeeded);
        await ReloadAsync();
    }

    /// <summary>Moves the clock to <paramref name="daysBeforeStart"/> days before the session, at <paramref name="hour"/> UTC.</summary>
    public void SetDay(int daysBeforeStart, int hour = 9) =>
        Clock.SetUtcNow(new DateTimeOffset(Start.AddDays(-daysBeforeStart).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));

    public Task<Features.Notices.SendReminders.Result> RemindAsync(bool dryRun = false, TestServices? on = null) =>
        (on ?? App).RunAsync<Features.Notices.SendReminders.Handler, Features.Notices.SendReminders.Result>(h => h.RunAsync(dryRun, CancellationToken.None));

    public Task<DeliverOutbox.Summary> DeliverAsync() =>
        App.RunAsync<DeliverOutbox.Handler, DeliverOutbox.Summary>(h => h.RunOnceAsync(CancellationToken.None));

    public Task<List<OutboxMessage>> OutboxAsync() =>
        App.RunAsync<WorkProgrammeDb, List<OutboxMessage>>(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Sink.DisposeAsync();
        await Database.DisposeAsync();
    }
}
