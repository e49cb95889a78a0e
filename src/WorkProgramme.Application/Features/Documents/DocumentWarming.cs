using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>
/// Builds a programme's public downloads ahead of the delegates (docs/decisions/0038): a round published or a version
/// adopted asks for it once its transaction has committed (<see cref="Request"/> only queues, so it never fails nor slows
/// the write), and the web app's background service works through the queue (<see cref="RunAsync"/>). Warmed, for the
/// anonymous reader and in both languages: the annex in Word (plain and with the slippage table) and PDF, the workbook,
/// and the redline from the previous published version. A failure is logged; the download then builds on demand.
/// </summary>
public sealed partial class DocumentWarming(IServiceScopeFactory scopes, PdfQueue pdfs, ILogger<DocumentWarming> log)
{
    private readonly Channel<string> slugs = Channel.CreateUnbounded<string>();
    private readonly Lock gate = new();
    private int pending;
    private TaskCompletionSource idle = Completed();

    /// <summary>Queues the programme's downloads to be built; returns at once.</summary>
    public void Request(string slug)
    {
        lock (gate)
        {
            if (pending++ == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        slugs.Writer.TryWrite(slug);
    }

    /// <summary>Completes when every requested programme is warmed (its PDFs converted too).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return idle.Task;
        }
    }

    /// <summary>Works through the queue until <paramref name="stoppingToken"/> fires (the web app's background service).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (await slugs.Reader.WaitToReadAsync(stoppingToken))
        {
            await RunPendingAsync(stoppingToken);
        }
    }

    /// <summary>Warms what is queued now, then returns.</summary>
    public async Task RunPendingAsync(CancellationToken cancellationToken)
    {
        while (slugs.Reader.TryRead(out var slug))
        {
            try
            {
                await WarmAsync(slug, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                WarmFailed(log, slug, exception);
            }
            finally
            {
                lock (gate)
                {
                    if (--pending == 0)
                    {
                        idle.TrySetResult();
                    }
                }
            }
        }
    }

    private async Task WarmAsync(string slug, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<CachedDocuments.Handler>();
        var db = scope.ServiceProvider.GetRequiredService<WorkProgrammeDb>();
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (programme is null)
        {
            return;
        }

        var published = programme.VisibleTo(Viewer.Anonymous).Versions;
        var warmed = 0;
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            CachedDocuments.Request[] requests =
            [
                new(Viewer.Anonymous, DocumentKind.Annex, slug, language),
                new(Viewer.Anonymous, DocumentKind.Annex, slug, language, Slippage: true),
                new(Viewer.Anonymous, DocumentKind.Workbook, slug, language),
                .. published.Count >= 2
                    ? [new CachedDocuments.Request(Viewer.Anonymous, DocumentKind.Redline, slug, language, From: published[1].Label, To: published[0].Label)]
                    : Array.Empty<CachedDocuments.Request>(),
                // Queued, not awaited here: the queue converts one at a time, and a delegate asking meanwhile joins it.
                new(Viewer.Anonymous, DocumentKind.AnnexPdf, slug, language),
            ];
            foreach (var request in requests)
            {
                if (await documents.GetAsync(request, cancellationToken, wait: TimeSpan.Zero) is not null)
                {
                    warmed++;
                }
            }
        }

        await pdfs.WhenIdleAsync().WaitAsync(cancellationToken);
        Warmed(log, slug, warmed);
    }

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Documents of {Slug} warmed: {Count} built or found.")]
    private static partial void Warmed(ILogger logger, string slug, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Warming the documents of {Slug} failed; they will be built when asked for.")]
    private static partial void WarmFailed(ILogger logger, string slug, Exception exception);
}
