using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>Either the result, or why there is none, in both languages.</summary>
public sealed record PdfOutcome<T>(T? Value, BilingualText? Problem)
    where T : class
{
    public static PdfOutcome<T> Done(T value) => new(value, null);

    public static PdfOutcome<T> Failed(BilingualText problem) => new(null, problem);
}

/// <summary>What LibreOffice gave back: the PDF, or the problem.</summary>
public sealed record PdfConversion(byte[]? Pdf, BilingualText? Problem);

/// <summary>
/// Turns a .docx into a PDF with LibreOffice headless (<c>soffice --convert-to pdf</c>). LibreOffice silently loses files
/// when two conversions share a profile, so each process uses its own profile and converts one document at a time; a
/// conversion that hangs is killed after <see cref="Timeout"/>. Without LibreOffice the answer says how to install it.
/// </summary>
public sealed class PdfConverter(IConfiguration configuration)
{
    /// <summary>Shown wherever a PDF was asked for and LibreOffice is missing.</summary>
    public static readonly BilingualText InstallHint = new(
        "La conversion en PDF utilise LibreOffice, qui n’est pas installé sur cette machine. Installez-le avec : "
        + "sudo apt-get install --no-install-recommends libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito "
        + "fonts-crosextra-caladea (ou indiquez le chemin de soffice dans le réglage Documents:LibreOffice). Le document Word reste disponible.",
        "PDF conversion uses LibreOffice, which is not installed on this machine. Install it with: "
        + "sudo apt-get install --no-install-recommends libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito "
        + "fonts-crosextra-caladea (or give the path to soffice in the Documents:LibreOffice setting). The Word document is still available.");

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private long conversions;

    /// <summary>How many times this converter started LibreOffice: what the document cache saves is counted here, not timed.</summary>
    public long Conversions => Interlocked.Read(ref conversions);

    private static readonly string Profile = CreateProfilePath();

    /// <summary>The profile lives as long as the process: the next process starts clean and no folder piles up in /tmp.</summary>
    private static string CreateProfilePath()
    {
        var profile = Path.Combine(Path.GetTempPath(), $"wp-libreoffice-{Environment.ProcessId}-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(profile))
                {
                    Directory.Delete(profile, recursive: true);
                }
            }
            catch (IOException)
            {
                // Left in the temporary folder, which the system clears; not worth failing a shutdown for.
            }
            catch (UnauthorizedAccessException)
            {
                // Same: a leftover profile is harmless.
            }
        };
        return profile;
    }

    public TimeSpan Timeout => TimeSpan.FromSeconds(configuration.GetValue("Documents:PdfTimeoutSeconds", 120));

    /// <summary>The soffice executable: the configured one, else the first on the PATH; null when there is none.</summary>
    public string? Executable
    {
        get
        {
            var configured = configuration["Documents:LibreOffice"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return File.Exists(configured) ? configured : null;
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(folder => new[] { "soffice", "libreoffice", "soffice.exe" }.Select(name => Path.Combine(folder, name)))
                .FirstOrDefault(File.Exists);
        }
    }

    public bool IsAvailable => Executable is not null;

    public async Task<PdfConversion> ConvertAsync(byte[] docx, CancellationToken cancellationToken)
    {
        if (Executable is not { } soffice)
        {
            return new PdfConversion(null, InstallHint);
        }

        var work = Path.Combine(Path.GetTempPath(), "wp-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var source = Path.Combine(work, "annex.docx");
        await File.WriteAllBytesAsync(source, docx, cancellationToken);
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         $"-env:UserInstallation={new Uri(Profile).AbsoluteUri}", "--headless", "--norestore", "--nolockcheck",
                         "--convert-to", "pdf", "--outdir", work, source,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            Interlocked.Increment(ref conversions);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return new PdfConversion(null, new BilingualText(
                    $"LibreOffice n’a pas converti le document en {Timeout.TotalSeconds:0} secondes : conversion abandonnée.",
                    $"LibreOffice did not convert the document within {Timeout.TotalSeconds:0} seconds: conversion abandoned."));
            }

            var pdf = Path.ChangeExtension(source, ".pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                var detail = ((await output) + " " + (await errors)).Trim();
                return new PdfConversion(null, new BilingualText(
                    $"LibreOffice n’a pas pu convertir le document (code {process.ExitCode}). {detail}",
                    $"LibreOffice could not convert the document (exit code {process.ExitCode}). {detail}"));
            }

            return new PdfConversion(await File.ReadAllBytesAsync(pdf, cancellationToken), null);
        }
        finally
        {
            OneAtATime.Release();
            Directory.Delete(work, recursive: true);
        }
    }
}
