using System.Diagnostics;
using MimeKit;

namespace WorkProgramme.Testing;

/// <summary>
/// A real SMTP server on loopback (scripts/smtp-sink.py, Debian's python3-aiosmtpd), as another process: it writes each
/// message it receives to a file in <see cref="Folder"/>, which the test reads. Its port is chosen once, so the server
/// can be stopped and started again where the app expects it (a mail server that goes down and comes back).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? process;

    private SmtpSink(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The settings that send the app's e-mail here.</summary>
    public IDictionary<string, string?> Settings(string publicUrl = "http://wp.example.org/") => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:From"] = "secretariat@example.org",
        ["App:PublicUrl"] = publicUrl,
        ["App:OrganisationName"] = "Organisation mondiale des douanes",
    };

    /// <summary>A port and a folder for a server that is not started yet (down until <see cref="StartAsync"/>).</summary>
    public static SmtpSink Reserve()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wp-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SmtpSink(LoopbackPort.Unused(), folder);
    }

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = Reserve();
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "smtp-sink.py"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--folder");
        start.ArgumentList.Add(Folder);
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the SMTP sink");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"The SMTP sink did not start on port {Port}: {line} {error}");
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() => Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal)
        .Select(file => MimeMessage.Load(file)).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (a delivery happens in the background).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Directory.GetFiles(Folder, "*.eml").Length < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} messages expected in the SMTP sink, {Directory.GetFiles(Folder, "*.eml").Length} arrived.");
            }

            await Task.Delay(100);
        }

        return Messages();
    }

    /// <summary>The first link to the app in a message's plain text.</summary>
    public static string LinkIn(MimeMessage message) =>
        System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+").Value;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temporary folder's cleaner.
        }
    }
}
