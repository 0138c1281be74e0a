using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// A network the test process (and so a gateway it starts) cannot reach: a Linux network namespace joined to the host
/// by a veth pair on a private /30 (host side <see cref="HostAddress"/>, namespace side <see cref="InsideAddress"/>).
/// Upstreams inside listen on the namespace's own loopback; child processes run inside with <c>ip netns exec</c>.
/// </summary>
/// <remarks>
/// <para>Needs root and <c>ip</c> (iproute2; CI runs the tests as root, and <c>./test.sh</c> installs iproute2). Without
/// them the network is the host's loopback (<see cref="IsNamespace"/> false: a developer's machine), and the reason is
/// in <see cref="Description"/> for the test's output; with <c>GATEHOUSE_TEST_REQUIRE_TOOLS=1</c> that is a failure
/// instead.</para>
/// <para>Names and the subnet are random per instance, so parallel runs on one machine do not meet; <see cref="DisposeAsync"/>
/// deletes the namespace, which takes the veth pair with it.</para>
/// </remarks>
internal sealed class IsolatedNetwork : IAsyncDisposable
{
    private const int NewNetworkNamespace = 0x40000000; // CLONE_NEWNET

    private readonly string? _name;
    private readonly List<Socket> _reservations = [];

    private IsolatedNetwork(string? name, IPAddress hostAddress, IPAddress? insideAddress, string description)
    {
        _name = name;
        HostAddress = hostAddress;
        InsideAddress = insideAddress;
        Description = description;
    }

    /// <summary>Gets a value indicating whether this is a real namespace (false: the host's loopback stands in).</summary>
    public bool IsNamespace => _name is not null;

    /// <summary>Gets the host's address on the veth pair: what processes inside dial to reach the host (127.0.0.1 in the fallback).</summary>
    public IPAddress HostAddress { get; }

    /// <summary>Gets the namespace's address on the veth pair; null in the fallback.</summary>
    public IPAddress? InsideAddress { get; }

    /// <summary>Gets what this network is, for the test's output.</summary>
    public string Description { get; }

    public static async Task<IsolatedNetwork> CreateAsync()
    {
        var missing = !OperatingSystem.IsLinux() ? "not Linux"
            : GetEffectiveUser() != 0 ? "not running as root"
            : !await RunsAsync("ip", "-V") ? "'ip' (iproute2) is not installed"
            : null;
        if (missing is not null)
        {
            if (Environment.GetEnvironmentVariable("GATEHOUSE_TEST_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail($"A network namespace is required (GATEHOUSE_TEST_REQUIRE_TOOLS=1), but {missing}.");
            }

            return new IsolatedNetwork(null, IPAddress.Loopback, null,
                $"no network namespace ({missing}): the upstream listens on the host's loopback, where only the agent's file names it");
        }

        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var name = $"gh-{suffix}";
        var subnet = RandomNumberGenerator.GetInt32(0, 1 << 14) * 4; // a /30 inside 10.213.0.0/16
        var host = new IPAddress([10, 213, (byte)(subnet >> 8), (byte)((subnet & 0xFF) + 1)]);
        var inside = new IPAddress([10, 213, (byte)(subnet >> 8), (byte)((subnet & 0xFF) + 2)]);
        var network = new IsolatedNetwork(name, host, inside, $"network namespace {name}: host {host}, inside {inside}; the upstream on the namespace's 127.0.0.1");
        try
        {
            await IpAsync("netns", "add", name);
            await IpAsync("link", "add", $"gh{suffix}h", "type", "veth", "peer", "name", $"gh{suffix}n");
            await IpAsync("link", "set", $"gh{suffix}n", "netns", name);
            await IpAsync("addr", "add", $"{host}/30", "dev", $"gh{suffix}h");
            await IpAsync("link", "set", $"gh{suffix}h", "up");
            await IpAsync("-n", name, "addr", "add", $"{inside}/30", "dev", $"gh{suffix}n");
            await IpAsync("-n", name, "link", "set", $"gh{suffix}n", "up");
            await IpAsync("-n", name, "link", "set", "lo", "up");
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="command"/> inside the namespace (unchanged in the fallback).</summary>
    public ChildCommand Inside(ChildCommand command) =>
        _name is null ? command : new ChildCommand("ip", ["netns", "exec", _name, command.FileName, .. command.LeadingArgs]);

    /// <summary>
    /// Starts a fake upstream on the namespace's 127.0.0.1, and reserves the same port on the host's loopback (bound,
    /// never listening), so that a connection from the host to that address is refused rather than reaching some other
    /// process that happened to take the port.
    /// </summary>
    public async Task<FakeUpstream> StartUpstreamAsync()
    {
        if (_name is null)
        {
            return await FakeUpstream.StartAsync();
        }

        var reservation = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _reservations.Add(reservation);
        reservation.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)reservation.LocalEndPoint!).Port;
        var handle = ListenInside(new IPEndPoint(IPAddress.Loopback, port));
        return await FakeUpstream.StartOnSocketAsync(handle, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Whether a TCP connection from the test process to <paramref name="endpoint"/> opens.</summary>
    public static async Task<bool> CanConnectAsync(IPEndPoint endpoint)
    {
        using var client = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.ConnectAsync(endpoint, timeout.Token);
            return true;
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reservation in _reservations)
        {
            reservation.Dispose();
        }

        if (_name is not null)
        {
            // Deleting the namespace deletes its end of the veth pair, and with it the host's end.
            await RunsAsync("ip", "netns", "del", _name);
        }
    }

    // Opens a listening socket inside the namespace from a thread that enters it for that alone (a socket stays in the
    // namespace it was made in), and returns a duplicate descriptor for Kestrel to own.
    private int ListenInside(IPEndPoint endpoint)
    {
        var descriptor = -1;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var own = File.OpenHandle("/proc/thread-self/ns/net");
                using var target = File.OpenHandle($"/var/run/netns/{_name}");
                if (SetNamespace(target.DangerousGetHandle().ToInt32(), NewNetworkNamespace) != 0)
                {
                    throw new InvalidOperationException($"setns into {_name} failed: errno {Marshal.GetLastPInvokeError()}");
                }

                try
                {
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(endpoint);
                    socket.Listen(128);
                    descriptor = Duplicate(socket.SafeHandle.DangerousGetHandle().ToInt32());
                }
                finally
                {
                    _ = SetNamespace(own.DangerousGetHandle().ToInt32(), NewNetworkNamespace);
                }
            }
            catch (Exception error)
            {
                failure = error;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null || descriptor < 0)
        {
            throw new InvalidOperationException($"could not listen on {endpoint} inside {_name}", failure);
        }

        return descriptor;
    }

    private static async Task IpAsync(params string[] args)
    {
        var (exitCode, _, error) = await ChildProcess.RunAsync(new ChildCommand("ip"), Path.GetTempPath(), args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} exited {exitCode}: {error}");
        }
    }

    private static async Task<bool> RunsAsync(string fileName, params string[] args)
    {
        try
        {
            return (await ChildProcess.RunAsync(new ChildCommand(fileName), Path.GetTempPath(), args)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetNamespace(int descriptor, int type);

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Duplicate(int descriptor);

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEffectiveUser();
}
