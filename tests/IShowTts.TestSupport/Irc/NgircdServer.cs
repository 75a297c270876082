// A real IRC server for tests: Debian's ngircd, configured in a temporary directory to listen on a
// free loopback port (plain, and TLS with a self-signed certificate when asked), started as a child
// process, killable and restartable on the same port, killed and removed on dispose.
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IShowTts.TestSupport.Irc;

public sealed class NgircdServer : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/sbin/ngircd", "/usr/bin/ngircd", "/usr/local/sbin/ngircd", "/usr/local/bin/ngircd"];

    private readonly string _binary;
    private readonly string _directory;
    private readonly string _config;
    private Process? _process;

    private NgircdServer(string binary, bool tls)
    {
        _binary = binary;
        _directory = Directory.CreateTempSubdirectory("ishowtts-ngircd-").FullName;
        Port = FreePort.Next();
        if (tls)
        {
            TlsPort = FreePort.Next();
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            Certificate = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
            File.WriteAllText(Path.Combine(_directory, "cert.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_directory, "key.pem"), key.ExportRSAPrivateKeyPem());
        }
        Directory.CreateDirectory(Path.Combine(_directory, "include"));
        _config = Path.Combine(_directory, "ngircd.conf");
        File.WriteAllText(_config, $"""
            [Global]
            Name = irc.test.local
            Info = iShowTTS test server
            Listen = 127.0.0.1
            Ports = {Port}
            MotdPhrase = test
            [Limits]
            MaxNickLength = 30
            MaxJoins = 0
            MaxPenaltyTime = 0
            PingTimeout = 120
            PongTimeout = 20
            [Options]
            PAM = no
            Ident = no
            DNS = no
            IncludeDir = {Path.Combine(_directory, "include")}
            [SSL]
            {(tls ? $"Ports = {TlsPort}\nCertFile = {Path.Combine(_directory, "cert.pem")}\nKeyFile = {Path.Combine(_directory, "key.pem")}" : "")}
            """);
        if (!OperatingSystem.IsWindows())
            OpenForTheServerUser(_directory);
    }

    // Started as root, ngircd drops to the nobody user; the files must stay readable to it.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void OpenForTheServerUser(string directory)
    {
        foreach (var file in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Append(directory))
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                | (Directory.Exists(file) ? UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : 0));
    }

    public int Port { get; }

    public int TlsPort { get; }

    public X509Certificate2? Certificate { get; }

    public static string? Binary => Candidates.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "ngircd")).FirstOrDefault(File.Exists);

    /// <summary>A configured (not yet started) server, or a skip when ngircd is not installed.</summary>
    public static NgircdServer Create(bool tls = false)
    {
        var binary = Binary;
        if (binary is null)
            Assert.Skip("ngircd is not installed (apt-get install ngircd); the real-IRC-server tests need it");
        return new NgircdServer(binary, tls);
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_binary, ["-n", "-f", _config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_binary}");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"ngircd exited with {process.ExitCode}:{Environment.NewLine}{output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", TlsPort > 0 ? TlsPort : Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Kills the server at once (no goodbye to clients), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Certificate?.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
