using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkProgramme.Application.Features.Notices;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;
using WorkProgramme.Web.Tests.Production;

namespace WorkProgramme.Web.Tests.Mail;

/// <summary>The web app's reminder service on the app's clock (a fake one here), through its sender to a real SMTP server.</summary>
public sealed class ReminderServiceFacts
{
    private static readonly DateOnly Start = new(2025, 3, 10);

    private static DateTimeOffset DaysBefore(int days) => new(Start.AddDays(-days).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task The_running_app_sends_the_reminders_of_each_reminder_day_as_its_clock_reaches_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var sink = await SmtpSink.StartNewAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>(sink.Settings()) { ["Reminders:DaysBefore"] = "14,3", ["Email:PollSeconds"] = "1" };
        var editor = new Viewer("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");
        await using (var setup = database.With(settings, clock))
        {
            const string session = "ctp-245-246";
            await setup.RunAsync<AddSession.Handler, string>(h =>
                h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2025, 3, Season.Spring, Start), CancellationToken.None));
            await setup.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(editor, SeedFile.PtcSlug, session), CancellationToken.None));
            var officer = await setup.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
                h.HandleAsync(new AddUser.Command("officer@example.org", Roles.Editor, "CTP", "correct horse battery"), CancellationToken.None));
            var first = (await setup.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(editor, SeedFile.PtcSlug, session), CancellationToken.None)))!
                .Rows[0].ActivityId;
            await setup.RunAsync<Application.Features.Assignments.Assignments.Handler, Result<string>>(h => h.HandleAsync(new(editor, SeedFile.PtcSlug, first, [officer.UserId!],
                Application.Features.Assignments.Assignments.VersionOf([])), CancellationToken.None));
        }

        clock.SetUtcNow(DaysBefore(14));
        await using var app = AppInstance.Start(database, settings, s => s.AddSingleton<TimeProvider>(clock));

        var fourteen = await sink.WaitForAsync(2); // at start: the officer's reminder and, as an editor of the body, the progress
        Assert.Contains(fourteen, m => m.Subject!.StartsWith("Rappel : 1 rapport de situation à mettre à jour", StringComparison.Ordinal));
        Assert.Contains(fourteen, m => m.Subject!.StartsWith("Avancement du cycle : 0 sur 94 rapports mis à jour", StringComparison.Ordinal));
        Assert.All(fourteen, m => Assert.Equal("officer@example.org", m.To.Mailboxes.Single().Address));

        clock.SetUtcNow(DaysBefore(3)); // the next ticks reach the 3rd day before the session
        var three = await sink.WaitForAsync(4);
        Assert.Equal(2, three.Count(m => m.TextBody!.Contains("dans 3 jours", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_links_in_notices_lead_to_the_report_form_the_round_the_activity_and_the_changes()
    {
        var app = new WebAppFactory();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var links = app.Services.GetRequiredService<LinkGenerator>();
            var id = Guid.NewGuid();

            Assert.Equal("/" + NoticeLinks.Report("ptc", "ctp-245", id), links.GetPathByPage("/Rounds/Report", values: new { slug = "ptc", session = "ctp-245", activityId = id }));
            Assert.Equal("/" + NoticeLinks.Round("ptc", "ctp-245"), links.GetPathByPage("/Rounds/Round", values: new { slug = "ptc", session = "ctp-245" }));
            Assert.Equal("/" + NoticeLinks.Activity("ptc", id), links.GetPathByPage("/Programmes/Activity", values: new { slug = "ptc", id }));
            Assert.Equal("/" + NoticeLinks.Changes("ptc", "ctp-245"), links.GetPathByPage("/Programmes/Changes", values: new { slug = "ptc", session = "ctp-245" }));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
