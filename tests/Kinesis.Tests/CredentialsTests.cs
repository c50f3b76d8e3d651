using System.Net;
using Xunit;

namespace Upt.Kinesis.Tests;

/// <summary>Credential providers, with an injected environment so that tests never touch the process environment.</summary>
public sealed class CredentialsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("upt-aws-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DictionaryEnvironmentReader Env(params (string Name, string Value)[] vars) =>
        new(vars.ToDictionary(v => v.Name, v => v.Value), homeDirectory: _dir);

    [Fact]
    public async Task Environment_provider_reads_keys_and_session_token()
    {
        var creds = await new EnvironmentCredentialsProvider(Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "envsecret"), ("AWS_SESSION_TOKEN", "envtoken")))
            .GetCredentialsAsync(Ct);
        Assert.Equal(new AwsCredentials("AKIDENV", "envsecret", "envtoken"), creds);
        await Assert.ThrowsAsync<AwsCredentialsException>(async () => await new EnvironmentCredentialsProvider(Env(("AWS_ACCESS_KEY_ID", "only"))).GetCredentialsAsync(Ct));
    }

    [Fact]
    public async Task Profile_provider_reads_credentials_and_config_files()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".aws"));
        await File.WriteAllTextAsync(Path.Combine(_dir, ".aws", "credentials"), """
            # comment
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = defaultsecret

            [work]
            aws_access_key_id=AKIDWORK
            aws_secret_access_key=worksecret
            aws_session_token=worktoken
            """, Ct);
        await File.WriteAllTextAsync(Path.Combine(_dir, ".aws", "config"), """
            [default]
            region = eu-west-1
            [profile work]
            aws_access_key_id = AKIDIGNORED
            aws_secret_access_key = ignored
            [profile cfgonly]
            aws_access_key_id = AKIDCFG
            aws_secret_access_key = cfgsecret
            [sso-session cfgonly]
            aws_access_key_id = AKIDWRONG
            """, Ct);

        Assert.Equal("AKIDDEFAULT", (await new ProfileCredentialsProvider(environment: Env()).GetCredentialsAsync(Ct)).AccessKeyId);
        Assert.Equal(new AwsCredentials("AKIDWORK", "worksecret", "worktoken"), await new ProfileCredentialsProvider(environment: Env(("AWS_PROFILE", "work"))).GetCredentialsAsync(Ct));
        Assert.Equal(new AwsCredentials("AKIDCFG", "cfgsecret"), await new ProfileCredentialsProvider("cfgonly", Env()).GetCredentialsAsync(Ct));
        var e = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await new ProfileCredentialsProvider("nope", Env()).GetCredentialsAsync(Ct));
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public async Task Profile_file_locations_can_be_overridden()
    {
        var creds = Path.Combine(_dir, "elsewhere-credentials");
        var config = Path.Combine(_dir, "elsewhere-config");
        await File.WriteAllTextAsync(creds, "[p1]\naws_access_key_id=AKID1\naws_secret_access_key=s1\n", Ct);
        await File.WriteAllTextAsync(config, "[profile p2]\naws_access_key_id=AKID2\naws_secret_access_key=s2\n", Ct);
        var env = Env(("AWS_SHARED_CREDENTIALS_FILE", creds), ("AWS_CONFIG_FILE", config));
        Assert.Equal("AKID1", (await new ProfileCredentialsProvider("p1", env).GetCredentialsAsync(Ct)).AccessKeyId);
        Assert.Equal("AKID2", (await new ProfileCredentialsProvider("p2", env).GetCredentialsAsync(Ct)).AccessKeyId);
    }

    [Fact]
    public async Task Default_chain_prefers_environment_then_profile_and_explains_failure()
    {
        var chain = new DefaultCredentialsChain(Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "s")));
        Assert.Equal("AKIDENV", (await chain.GetCredentialsAsync(Ct)).AccessKeyId);
        Assert.IsType<EnvironmentCredentialsProvider>(chain.ChosenProvider);

        var none = new DefaultCredentialsChain(Env());
        var e = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await none.GetCredentialsAsync(Ct));
        Assert.Contains("environment", e.Message);
        Assert.Contains("web identity", e.Message);
        Assert.Contains("shared files", e.Message);

        await File.WriteAllTextAsync(Path.Combine(_dir, "c"), "[default]\naws_access_key_id=AKIDFILE\naws_secret_access_key=s\n", Ct);
        var fromFile = new DefaultCredentialsChain(Env(("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_dir, "c"))));
        Assert.Equal("AKIDFILE", (await fromFile.GetCredentialsAsync(Ct)).AccessKeyId);
    }

    [Fact]
    public async Task Web_identity_assumes_role_caches_and_refreshes_with_a_reread_token()
    {
        var tokenFile = Path.Combine(_dir, "token");
        await File.WriteAllTextAsync(tokenFile, "token-one\n", Ct);
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(now);
        await using var sts = new FakeHttpServer(
            (req, n) => (200, $"""
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <Credentials>
                      <SessionToken>session-{n}</SessionToken>
                      <SecretAccessKey>secret-{n}</SecretAccessKey>
                      <Expiration>{now.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration>
                      <AccessKeyId>ASIA{n}</AccessKeyId>
                    </Credentials>
                    <SubjectFromWebIdentityToken>system:serviceaccount:upt:silo</SubjectFromWebIdentityToken>
                  </AssumeRoleWithWebIdentityResult>
                  <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
                </AssumeRoleWithWebIdentityResponse>
                """),
            contentType: "text/xml");
        var options = WebIdentityCredentialsOptions.FromEnvironment(Env(
            ("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile),
            ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/upt-silo"),
            ("AWS_ROLE_SESSION_NAME", "silo-0"),
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL_STS", sts.Endpoint.ToString()))) ?? throw new InvalidOperationException("not configured");
        Assert.Equal("eu-west-1", options.Region);
        using var provider = new WebIdentityCredentialsProvider(options, timeProvider: clock);

        var first = await provider.GetCredentialsAsync(Ct);
        Assert.Equal(new AwsCredentials("ASIA1", "secret-1", "session-1", now.AddHours(1)), first);
        Assert.Same(first, await provider.GetCredentialsAsync(Ct));
        Assert.Single(sts.Requests);

        var form = Parse(sts.Requests.Single().Body);
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"]);
        Assert.Equal("2011-06-15", form["Version"]);
        Assert.Equal("arn:aws:iam::123456789012:role/upt-silo", form["RoleArn"]);
        Assert.Equal("silo-0", form["RoleSessionName"]);
        Assert.Equal("token-one", form["WebIdentityToken"]);
        Assert.False(sts.Requests.Single().Headers.ContainsKey("Authorization"));

        // 56 minutes later the credentials are within 5 minutes of expiry: refresh, with the rotated token.
        await File.WriteAllTextAsync(tokenFile, "token-two", Ct);
        clock.Now = now.AddMinutes(56);
        var second = await provider.GetCredentialsAsync(Ct);
        Assert.Equal("ASIA2", second.AccessKeyId);
        Assert.Equal(2, sts.Requests.Count);
        Assert.Equal("token-two", Parse(sts.Requests.Last().Body)["WebIdentityToken"]);
    }

    [Fact]
    public async Task Web_identity_reports_sts_errors()
    {
        var tokenFile = Path.Combine(_dir, "token");
        await File.WriteAllTextAsync(tokenFile, "t", Ct);
        await using var sts = new FakeHttpServer(
            (_, _) => (400, """<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Token expired</Message></Error></ErrorResponse>"""),
            contentType: "text/xml");
        using var provider = new WebIdentityCredentialsProvider(new WebIdentityCredentialsOptions { TokenFile = tokenFile, RoleArn = "arn:aws:iam::1:role/r", StsEndpoint = sts.Endpoint });
        var e = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await provider.GetCredentialsAsync(Ct));
        Assert.Contains("InvalidIdentityToken", e.Message);
        Assert.Contains("Token expired", e.Message);
    }

    [Fact]
    public void Web_identity_defaults_to_the_regional_sts_endpoint()
    {
        var options = WebIdentityCredentialsOptions.FromEnvironment(Env(("AWS_WEB_IDENTITY_TOKEN_FILE", "/t"), ("AWS_ROLE_ARN", "arn:aws:iam::1:role/r"), ("AWS_DEFAULT_REGION", "ap-south-1")))!;
        Assert.Equal(new Uri("https://sts.ap-south-1.amazonaws.com/"), options.ResolveStsEndpoint());
        Assert.Null(WebIdentityCredentialsOptions.FromEnvironment(Env(("AWS_ROLE_ARN", "arn:aws:iam::1:role/r"))));
    }

    private static Dictionary<string, string> Parse(string form) =>
        form.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
