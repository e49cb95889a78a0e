using Microsoft.Extensions.Configuration;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>Where a document stands: done (the file), failed (why, in both languages), or waiting at a position (1: converting now).</summary>
public sealed record DocumentOutcome(CachedDocument? File, BilingualText? Problem, int Position)
{
    public bool IsWaiting => File is null && Problem is null;

    public static DocumentOutcome Done(CachedDocument file) => new(file, null, 0);

    public static DocumentOutcome Failed(BilingualText problem) => new(null, problem, 0);
}

/// <summary>
/// The PDF conversions waiting for LibreOffice, one at a time (<see cref="PdfConverter"/>, which keeps its timeout). A
/// document already waiting is not queued twice: a second request for it joins the first, so it is converted once. A
/// request waits at most <c>Documents:PdfWaitSeconds</c> (10 by default) and then hears its position instead of holding
/// the connection; the finished PDF goes to the <see cref="DocumentCache"/>, where the next request finds it. A failure
/// is remembered for <see cref="FailureMemory"/> so that the request coming back hears why, then the next one tries again.
/// </summary>
public sealed class PdfQueue(PdfConverter converter, DocumentCache cache, IConfiguration configuration)
{
    public static readonly TimeSpan FailureMemory = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly List<Job> jobs = [];
    private readonly Dictionary<string, (BilingualText Problem, DateTime At)> failures = new(StringComparer.Ordinal);
    private TaskCompletionSource idle = Completed();
    private bool running;

    /// <summary>How long a request waits for its PDF before it is told its position.</summary>
    public TimeSpan Wait { get; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Documents:PdfWaitSeconds", 10.0)));

    /// <summary>PDFs waiting or being converted.</summary>
    public int Length
    {
        get
        {
            lock (gate)
            {
                return jobs.Count;
            }
        }
    }

    /// <summary>Completes when no conversion is waiting or running (what tests and the warm-up wait on).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return idle.Task;
        }
    }

    /// <summary>Why this document's conversion failed a moment ago; null when it did not.</summary>
    public BilingualText? RecentFailure(string document, string stamp)
    {
        lock (gate)
        {
            return Failure(Key(document, stamp));
        }
    }

    /// <summary>Waits for this document's conversion when it is queued already; null when it is not.</summary>
    public async Task<DocumentOutcome?> JoinAsync(string document, string stamp, TimeSpan? wait, CancellationToken cancellationToken)
    {
        var key = Key(document, stamp);
        Job? job;
        lock (gate)
        {
            job = jobs.Find(j => j.Key == key);
        }

        return job is null ? null : await WaitForAsync(job, wait, cancellationToken);
    }

    /// <summary>
    /// Queues the conversion of <paramref name="docx"/> (unless this document is queued already) and waits for it up to
    /// <paramref name="wait"/> (<see cref="Wait"/> when null).
    /// </summary>
    public async Task<DocumentOutcome> SubmitAsync(string document, string stamp, byte[] docx, string fileName, TimeSpan? wait,
        CancellationToken cancellationToken)
    {
        var key = Key(document, stamp);
        Job job;
        var start = false;
        lock (gate)
        {
            if (jobs.Find(j => j.Key == key) is { } queued)
            {
                job = queued;
            }
            else if (cache.Read(document, stamp) is { } converted)
            {
                // Finished since the caller looked: a job leaves the queue only after its file is written.
                return DocumentOutcome.Done(converted);
            }
            else
            {
                job = new Job(key, document, stamp, docx, fileName);
                jobs.Add(job);
                start = !running;
                running = true;
                if (idle.Task.IsCompleted)
                {
                    idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        if (start)
        {
            _ = Task.Run(RunAsync, CancellationToken.None);
        }

        return await WaitForAsync(job, wait, cancellationToken);
    }

    private async Task<DocumentOutcome> WaitForAsync(Job job, TimeSpan? wait, CancellationToken cancellationToken)
    {
        var limit = wait ?? Wait;
        if (!job.Done.Task.IsCompleted && limit > TimeSpan.Zero)
        {
            try
            {
                await job.Done.Task.WaitAsync(limit, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Told its position below: the connection is not held longer.
            }
        }

        if (job.Done.Task.IsCompletedSuccessfully)
        {
            return job.Done.Task.Result;
        }

        lock (gate)
        {
            return new DocumentOutcome(null, null, Math.Max(1, jobs.IndexOf(job) + 1));
        }
    }

    /// <summary>Converts the queued documents in order, one at a time, until none is left.</summary>
    private async Task RunAsync()
    {
        while (true)
        {
            Job job;
            lock (gate)
            {
                if (jobs.Count == 0)
                {
                    running = false;
                    idle.TrySetResult();
                    return;
                }

                job = jobs[0];
            }

            DocumentOutcome ticket;
            try
            {
                // Not the request's token: the conversion serves whoever asks next, and has its own timeout.
                var conversion = await converter.ConvertAsync(job.Docx, CancellationToken.None);
                if (conversion.Pdf is { } pdf)
                {
                    var file = new CachedDocument(pdf, ExportAnnex.PdfContentType, job.FileName);
                    cache.Write(job.Document, job.Stamp, file);
                    ticket = DocumentOutcome.Done(file);
                }
                else
                {
                    ticket = DocumentOutcome.Failed(conversion.Problem!);
                }
            }
            catch (Exception exception)
            {
                ticket = DocumentOutcome.Failed(new BilingualText(
                    $"La conversion en PDF a échoué : {exception.Message}", $"The PDF conversion failed: {exception.Message}"));
            }

            lock (gate)
            {
                jobs.Remove(job);
                if (ticket.Problem is { } problem)
                {
                    failures[job.Key] = (problem, DateTime.UtcNow);
                }
            }

            job.Done.TrySetResult(ticket);
        }
    }

    private BilingualText? Failure(string key)
    {
        foreach (var old in failures.Where(f => DateTime.UtcNow - f.Value.At > FailureMemory).Select(f => f.Key).ToList())
        {
            failures.Remove(old);
        }

        return failures.TryGetValue(key, out var failure) ? failure.Problem : null;
    }

    private static string Key(string document, string stamp) => document + "\n" + stamp;

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private sealed class Job(string key, string document, string stamp, byte[] docx, string fileName)
    {
        public string Key { get; } = key;

        public string Document { get; } = document;

        public string Stamp { get; } = stamp;

        public byte[] Docx { get; } = docx;

        public string FileName { get; } = fileName;

        public TaskCompletionSource<DocumentOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
