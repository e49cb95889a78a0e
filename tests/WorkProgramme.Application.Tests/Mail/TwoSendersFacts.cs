using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Mail;

/// <summary>Two app instances (two sender loops with their own services) on one database deliver each message once.</summary>
public sealed class TwoSendersFacts(Xunit.Abstractions.ITestOutputHelper output)
{
    public const int Messages = 60;

    [Fact]
    public async Task Two_senders_on_one_database_deliver_each_queued_message_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(seed: false);
        await using var sink = await SmtpSink.StartNewAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var first = database.With(sink.Settings(), clock);
        await using var second = database.With(sink.Settings(), clock);
        var settings = await first.RunAsync<MailSettings, MailSettings>(Task.FromResult);
        await first.RunAsync<WorkProgrammeDb, int>(db =>
        {
            for (var i = 0; i < Messages; i++)
            {
                Outbox.Add(db, settings, clock, MailKind.CommentNotice, $"officer{i:00}@example.org", null, Language.En,
                    new MailTemplates.Composed($"Message {i}", $"Message {i}", $"<p>Message {i}</p>"));
            }

            return db.SaveChangesAsync();
        });

        async Task<int> LoopAsync(TestServices app)
        {
            var sent = 0;
            while (true)
            {
                var pass = await app.RunAsync<DeliverOutbox.Handler, DeliverOutbox.Summary>(h => h.RunOnceAsync(CancellationToken.None));
                sent += pass.Sent;
                var left = await app.RunAsync<WorkProgrammeDb, int>(db => db.OutboxMessages.CountAsync(m => m.State == OutboxState.Queued));
                if (left == 0)
                {
                    return sent;
                }
            }
        }

        var counts = await Task.WhenAll(Task.Run(() => LoopAsync(first)), Task.Run(() => LoopAsync(second)));

        var received = sink.Messages();
        output.WriteLine($"{Messages} queued; the first sender sent {counts[0]}, the second {counts[1]}; the server received {received.Count}.");
        Assert.Equal(Messages, received.Count);
        Assert.Equal(Messages, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(Messages, counts.Sum());
        Assert.Equal(Messages, await first.RunAsync<WorkProgrammeDb, int>(db => db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent)));
    }
}
