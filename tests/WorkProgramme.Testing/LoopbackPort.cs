using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace WorkProgramme.Testing;

/// <summary>
/// A port for a server a test starts as another process (the app, nginx), which cannot be handed a listening socket:
/// chosen outside the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>), where every outgoing
/// connection of the test run takes its local port, and checked free by binding it. A port of the ephemeral range
/// (what binding port 0 answers) can be taken by any connection between the check and the server's bind; outside it,
/// only another server choosing the same port can, and the caller then starts again on another
/// (<see cref="IsAddressInUse"/>). <c>scripts/ports.sh</c> chooses the same way.
/// </summary>
public static class LoopbackPort
{
    public static int Unused()
    {
        var (from, to) = Outside(EphemeralRange());
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(from, to + 1);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: another.
            }
        }

        throw new InvalidOperationException($"No unused loopback port between {from} and {to}.");
    }

    /// <summary>Whether a server's output says its port was taken (Kestrel, nginx, PostgreSQL).</summary>
    public static bool IsAddressInUse(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || output.Contains("could not bind", StringComparison.OrdinalIgnoreCase);

    /// <summary>The kernel's ephemeral range; Linux's default when it cannot be read.</summary>
    public static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32768, 60999);
        }
    }

    /// <summary>The larger gap outside the range: from 10000 (above most well-known services) up to it, or above it.</summary>
    public static (int From, int To) Outside((int Low, int High) ephemeral) =>
        ephemeral.Low - 10000 >= 65535 - ephemeral.High ? (10000, ephemeral.Low - 1) : (ephemeral.High + 1, 65535);
}
