// doctor's machine checks: whether the server's port can be bound, and free disk space.
using System.Net;
using System.Net.Sockets;
using IShowTts.Ops.Doctor;

namespace IShowTts.Ops.Tests.Doctor;

public sealed class HostChecksTests
{
    [Fact]
    public void AFreePortIsOk()
    {
        int port = DoctorRunnerTests.FreePort();
        var check = HostChecks.Port($"127.0.0.1:{port}");
        Assert.Equal(CheckStatus.Ok, check.Status);
        Assert.Equal($"127.0.0.1:{port} is free", check.Detail);
    }

    [Fact]
    public void APortHeldByAnotherProgramIsAProblem()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var check = HostChecks.Port($"http://localhost:{port}/");

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal($"127.0.0.1:{port} is used by another program", check.Detail);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    public void ABindAddressThatIsNotHostAndPortIsAProblem(string bind)
    {
        var check = HostChecks.Port(bind);
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Contains("is not host:port", check.Detail);
    }

    [Theory]
    [InlineData("0.0.0.0:27121", "0.0.0.0:27121")]
    [InlineData("[::1]:8080", "[::1]:8080")]
    [InlineData("http://*:80", "0.0.0.0:80")]
    [InlineData("localhost:27121", "127.0.0.1:27121")]
    public void BindAddressesParseLikeTheServerReadsThem(string bind, string endpoint)
    {
        Assert.True(HostChecks.TryParseEndpoint(bind, out var e));
        Assert.Equal(endpoint, e.ToString());
    }

    [Fact]
    public void DiskSpaceIsMeasuredOnTheNearestExistingFolder()
    {
        using var dir = new TempDirectory();
        var notYet = Path.Combine(dir.Path, "models", "F5TTS_v1_Base");

        var check = HostChecks.Disk("model", notYet);

        Assert.Equal("disk space (model)", check.Name);
        Assert.NotEqual(CheckStatus.Skipped, check.Status);
        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(notYet) + @": \d+\.\d GiB free on /", check.Detail);
        var free = new DriveInfo(dir.Path).AvailableFreeSpace;
        Assert.Equal(HostChecks.DiskStatus(free), check.Status);
    }

    [Theory]
    [InlineData(100L << 30, CheckStatus.Ok)]
    [InlineData(5L << 30, CheckStatus.Ok)]
    [InlineData((5L << 30) - 1, CheckStatus.Warning)]
    [InlineData(1L << 30, CheckStatus.Warning)]
    [InlineData((1L << 30) - 1, CheckStatus.Failed)]
    [InlineData(0, CheckStatus.Failed)]
    public void LittleFreeSpaceWarnsAndTooLittleIsAProblem(long free, CheckStatus status) => Assert.Equal(status, HostChecks.DiskStatus(free));

    [Fact]
    public void TheMountPointIsTheLongestMountedPrefix()
    {
        using var dir = new TempDirectory();
        var mount = HostChecks.MountPoint(dir.Path);
        Assert.StartsWith(mount.TrimEnd('/'), dir.Path);
        Assert.Contains(DriveInfo.GetDrives(), d => d.RootDirectory.FullName == mount);
    }
}
