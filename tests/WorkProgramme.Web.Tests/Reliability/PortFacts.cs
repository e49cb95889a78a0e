using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// Every port a test or a script chooses for a server is outside the kernel's ephemeral range, where the test run's own
/// outgoing connections take theirs, and a server whose port was taken starts again on another (issue 16: PostgreSQL's
/// private server lost its port, 35804, to a connection of the test run).
/// </summary>
public sealed class PortFacts
{
    private static readonly (int Low, int High) Ephemeral = LoopbackPort.EphemeralRange();

    [Fact]
    public void The_tests_choose_ports_outside_the_ephemeral_range()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => LoopbackPort.Unused()).ToList();

        Assert.All(ports, port => Assert.True(port is >= 10000 and <= 65535 && (port < Ephemeral.Low || port > Ephemeral.High),
            $"{port} is in the ephemeral range {Ephemeral.Low}-{Ephemeral.High}"));
    }

    [Fact]
    public async Task The_scripts_choose_ports_outside_the_ephemeral_range()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("source scripts/ports.sh; for i in $(seq 1 200); do unused_port; done");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var ports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(200, ports.Count);
        Assert.All(ports, port => Assert.True(port is >= 10000 and <= 65535 && (port < Ephemeral.Low || port > Ephemeral.High),
            $"{port} is in the ephemeral range {Ephemeral.Low}-{Ephemeral.High}"));
    }

    [PostgresLegFact]
    public async Task A_private_postgres_server_whose_port_was_taken_starts_on_another()
    {
        await using var server = await PrivatePostgresServer.StartAsync(durable: false);
        await server.StopImmediatelyAsync();
        var port = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
        using var squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();

        await server.StartAgainAsync();

        var moved = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
        Assert.NotEqual(port, moved);
        Assert.True(moved < Ephemeral.Low || moved > Ephemeral.High);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }
}
