using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

/// <summary>
/// The deployment guide's nginx configuration (<c>deploy/nginx/workprogramme.conf</c>), run by Debian's nginx on
/// loopback in front of two app instances over one database: its own prefix, high ports and a self-signed certificate
/// instead of 80, 443 and Let's Encrypt; nothing else changed. The browser connects from 127.0.0.2, so the address the
/// app sees proves that X-Forwarded-For was believed.
/// </summary>
public sealed class NginxFacts(NginxFacts.Deployment deployment) : IClassFixture<NginxFacts.Deployment>
{
    [Fact]
    public async Task Requests_through_nginx_reach_both_instances_and_the_health_endpoints_answer()
    {
        using var client = deployment.Client();
        var seen = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            seen.Add(Seen(live).Port);
        }

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(deployment.InstancePorts.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), seen.Order());
        var log = await deployment.AccessLogAsync();
        Assert.All(deployment.InstancePorts, port => Assert.Contains($"127.0.0.1:{port} 200 \"GET /health/live", log, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_client_address_and_https_are_forwarded_the_correlation_id_is_nginx_request_id_and_plain_http_is_redirected()
    {
        using var client = deployment.Client();

        var page = await client.GetAsync("/");
        var plain = await deployment.Client(https: false).GetAsync("/programmes?x=1");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var seen = Seen(page);
        Assert.Equal(Deployment.ClientAddress.ToString(), seen.Client);
        Assert.Equal("https", seen.Scheme);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS is sent on HTTPS requests");
        var correlation = page.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[0-9a-f]{32}$", correlation);
        Assert.Contains(correlation, await deployment.AccessLogAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.Equal("https://wp.example.org/programmes?x=1", plain.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signed_in_through_nginx_with_a_secure_cookie_an_editor_edits_whichever_instance_answers()
    {
        var (email, password) = await deployment.EditorAsync();
        using var client = deployment.Client();
        var ports = new HashSet<string>();

        var signIn = await Browser.SignInAsync(client, new Uri(client.BaseAddress!, "/account/sign-in"), email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        ports.Add(Seen(signIn).Port);

        var home = await client.GetAsync("/");
        ports.Add(Seen(home).Port);
        var token = await Browser.TokenAsync(client, new Uri(client.BaseAddress!, "/"));
        var activityUrl = new Uri(client.BaseAddress!, await Browser.FirstActivityPathAsync(client, new Uri(client.BaseAddress!, $"/api/programmes/{SeedFile.PtcSlug}")));
        var (activity, etag) = await Browser.GetActivityAsync(client, activityUrl);
        var changed = activity with { Priority = activity.Priority == "A" ? "B" : "A" };
        var saved = await Browser.PutActivityAsync(client, activityUrl, changed, etag, token);
        var stale = await Browser.PutActivityAsync(client, activityUrl, activity with { Priority = "C" }, etag, token);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        ports.Add(Seen(saved).Port);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        ports.Add(Seen(stale).Port);
        for (var i = 0; i < 2; i++)
        {
            var read = await client.GetAsync(activityUrl);
            ports.Add(Seen(read).Port);
            Assert.Contains($"\"priority\":\"{changed.Priority}\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, ports.Count);
    }

    [Fact]
    public async Task A_body_over_client_max_body_size_gets_413_from_nginx_before_any_instance()
    {
        using var client = deployment.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = new ByteArrayContent(new byte[11 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(response.Headers.Contains(Deployment.SeenHeader), "nginx answered, not an instance");
    }

    private static (string Port, string Client, string Scheme) Seen(HttpResponseMessage response)
    {
        var parts = response.Headers.GetValues(Deployment.SeenHeader).Single().Split(' ');
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>Two instances over one database, and nginx with the guide's configuration in front of them.</summary>
    public sealed class Deployment : IAsyncLifetime
    {
        /// <summary>Set by the instances on every response: their port, the client address and the scheme they saw.</summary>
        public const string SeenHeader = "X-Test-Seen";

        public static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

        private readonly string folder = Path.Combine(Path.GetTempPath(), "wp-nginx", Guid.NewGuid().ToString("N"));
        private TestDatabase database = null!;
        private AppInstance first = null!;
        private AppInstance second = null!;
        private Process? nginx;
        private int httpPort;
        private int httpsPort;

        public IReadOnlyList<int> InstancePorts => [first.Port, second.Port];

        public async Task InitializeAsync()
        {
            var binary = NginxBinary() ?? throw new InvalidOperationException(
                "nginx is not installed: this test runs Debian's nginx in front of two instances. Install it with "
                + "`sudo apt-get install -y nginx` (scripts/test.sh does).");
            Directory.CreateDirectory(folder);
            database = await TestDatabase.CreateAsync(seed: false);
            first = AppInstance.Start(database, services: s => s.AddSingleton<IStartupFilter, SeenFilter>()); // seeds, as a first instance does
            second = AppInstance.Start(database, services: s => s.AddSingleton<IStartupFilter, SeenFilter>());
            WriteCertificate();

            // Ports outside the ephemeral range; another server may still take one before nginx binds it: then again on others.
            for (var attempt = 1; ; attempt++)
            {
                if (await StartNginxAsync(binary) is not { } taken)
                {
                    return;
                }

                if (attempt == 5 || !LoopbackPort.IsAddressInUse(taken))
                {
                    throw new InvalidOperationException($"nginx did not start listening on {httpPort} and {httpsPort}:\n{taken}");
                }
            }
        }

        /// <summary>Starts nginx on two new ports; null once it listens, else its error log.</summary>
        private async Task<string?> StartNginxAsync(string binary)
        {
            httpPort = LoopbackPort.Unused();
            do
            {
                httpsPort = LoopbackPort.Unused();
            }
            while (httpsPort == httpPort);

            File.Delete(Path.Combine(folder, "error.log"));
            await File.WriteAllTextAsync(Path.Combine(folder, "workprogramme.conf"), Site());
            await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
                daemon off;
                worker_processes 1;
                pid {{folder}}/nginx.pid;
                events { worker_connections 128; }
                http {
                    log_format upstreams '$upstream_addr $status "$request" $request_id';
                    access_log {{folder}}/access.log upstreams;
                    client_body_temp_path {{folder}}/client_body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    include {{folder}}/workprogramme.conf;
                }
                """);
            string[] arguments = ["-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")];
            var check = await RunAsync(binary, ["-t", .. arguments]);
            if (check.Exit != 0)
            {
                throw new InvalidOperationException($"nginx -t refused the configuration:\n{check.Output}");
            }

            nginx = Start(binary, arguments);
            if (await WaitForAsync(httpsPort))
            {
                return null;
            }

            await nginx.WaitForExitAsync();
            nginx.Dispose();
            nginx = null;
            return File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
        }

        public async Task DisposeAsync()
        {
            if (nginx is { HasExited: false })
            {
                nginx.Kill(entireProcessTree: true);
                await nginx.WaitForExitAsync();
            }

            nginx?.Dispose();
            await first.DisposeAsync();
            await second.DisposeAsync();
            await database.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // nginx's temp folders may belong to its worker user; the temp folder is cleaned later anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>A browser on 127.0.0.2 that trusts the test certificate and names the site's host.</summary>
        public HttpClient Client(bool https = true)
        {
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = true,
                CookieContainer = new CookieContainer(),
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(ClientAddress, 0));
                        await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            var client = new HttpClient(handler)
            {
                BaseAddress = new Uri(https ? $"https://127.0.0.1:{httpsPort}" : $"http://127.0.0.1:{httpPort}"),
            };
            client.DefaultRequestHeaders.Host = "wp.example.org";
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            return client;
        }

        public async Task<(string Email, string Password)> EditorAsync()
        {
            const string password = "correct horse battery";
            var email = $"editor-{Guid.NewGuid():N}@example.org";
            var added = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
                h.HandleAsync(new AddUser.Command(email, Roles.Editor, "CTP", password), CancellationToken.None));
            Assert.True(added.Succeeded, string.Join("; ", added.Problems));
            return (email, password);
        }

        public async Task<string> AccessLogAsync()
        {
            await using var stream = new FileStream(Path.Combine(folder, "access.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync();
        }

        /// <summary>The guide's file with only what a test cannot use changed; a change to those lines fails here, loudly.</summary>
        private string Site()
        {
            var site = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx", "workprogramme.conf"));
            var changes = new Dictionary<string, string>
            {
                ["server 127.0.0.1:5081 "] = $"server 127.0.0.1:{first.Port} ",
                ["server 127.0.0.1:5082 "] = $"server 127.0.0.1:{second.Port} ",
                ["listen 80;"] = $"listen 127.0.0.1:{httpPort};",
                ["listen 443 ssl http2;"] = $"listen 127.0.0.1:{httpsPort} ssl http2;",
                ["/etc/letsencrypt/live/wp.example.org/fullchain.pem"] = Path.Combine(folder, "fullchain.pem"),
                ["/etc/letsencrypt/live/wp.example.org/privkey.pem"] = Path.Combine(folder, "privkey.pem"),
            };
            foreach (var (from, to) in changes)
            {
                Assert.True(Regex.Matches(site, Regex.Escape(from)).Count == 1,
                    $"deploy/nginx/workprogramme.conf no longer has exactly one '{from}': update NginxFacts with it.");
                site = site.Replace(from, to, StringComparison.Ordinal);
            }

            return site;
        }

        private void WriteCertificate()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=wp.example.org", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("wp.example.org");
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(folder, "fullchain.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(folder, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        private static string? NginxBinary() =>
            new[] { "/usr/sbin/nginx" }
                .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, "nginx")))
                .FirstOrDefault(File.Exists);

        private static Process Start(string binary, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        private static async Task<(int Exit, string Output)> RunAsync(string binary, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output + await errors);
        }

        /// <summary>Whether nginx listens on <paramref name="port"/>; false once it has exited.</summary>
        private async Task<bool> WaitForAsync(int port)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                if (nginx!.HasExited)
                {
                    break;
                }

                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return true;
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }

            if (nginx!.HasExited)
            {
                return false;
            }

            var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
            throw new InvalidOperationException($"nginx did not start listening on {port}:\n{log}");
        }

        /// <summary>Runs first in each instance; the header is written when the response starts, after the forwarded headers were applied.</summary>
        private sealed class SeenFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers[SeenHeader] =
                            $"{context.Connection.LocalPort} {context.Connection.RemoteIpAddress} {context.Request.Scheme}";
                        return Task.CompletedTask;
                    });
                    await following(context);
                });
                next(app);
            };
        }
    }
}

/// <summary>The guide's nginx block and the file the test runs are the same text.</summary>
public sealed class NginxConfigurationFacts
{
    [Fact]
    public void The_deploy_guide_shows_the_nginx_configuration_the_test_runs()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "deploy.md"));
        var block = Regex.Match(guide, "```nginx\n(.*?)```", RegexOptions.Singleline);

        Assert.True(block.Success, "docs/deploy.md has an ```nginx block");
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx", "workprogramme.conf")), block.Groups[1].Value);
    }
}
