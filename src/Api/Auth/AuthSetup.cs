using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Upt.Api.Auth;

/// <summary>JWT bearer authentication from the configured OpenID Connect issuer, and UPT's permission bits as policies.</summary>
public static class AuthSetup
{
    /// <summary>Registers authentication (when <c>Auth:Enabled</c>) and the permission policies; validates <see cref="AuthOptions"/> at start-up.</summary>
    public static WebApplicationBuilder AddUptAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IAuthorizationHandler, UcpPermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, UcpAuthorizationResultHandler>();
        services.AddHostedService<AuthStartupReport>();
        // Secure by default: an endpoint that declares no permission still needs an authenticated caller.
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(UcpPolicies.Authenticated)
            .SetFallbackPolicy(UcpPolicies.Authenticated);

        var enabled = builder.Configuration.GetSection(AuthOptions.Section).GetValue(nameof(AuthOptions.Enabled), defaultValue: true);
        if (!enabled)
        {
            services.AddAuthentication();
            return builder;
        }

        services.AddSingleton<UcpBearerEvents>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        return builder;
    }

    /// <summary>Authentication then authorization, after the middlewares that every answer (401 and 403 too) must pass.</summary>
    public static WebApplication UseUptAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        var dev = auth.Development.Enabled;
        var audience = dev ? auth.Development.Audience : auth.Audience!;
        jwt.Authority = dev ? auth.Development.Authority : auth.Authority;
        // The dev issuer is loopback-only (checked at start-up), so plain http to it never leaves the machine.
        jwt.RequireHttpsMetadata = !dev && auth.RequireHttpsMetadata;
        // Keep claim names as the issuer wrote them (cognito:groups, sub, client_id), without WS-Fed renaming.
        jwt.MapInboundClaims = false;
        jwt.EventsType = typeof(UcpBearerEvents);
        var parameters = jwt.TokenValidationParameters;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ClockSkew = TimeSpan.FromMinutes(1);
        parameters.NameClaimType = "sub";
        parameters.AudienceValidator = (audiences, token, _) => IsForUs(audiences, token, audience);
    }

    /// <summary>
    /// ID tokens (and most issuers' access tokens) name the API in <c>aud</c>; Cognito access tokens have no
    /// <c>aud</c> but carry the app client in <c>client_id</c>. API Gateway's JWT authorizer accepts either, so do we.
    /// </summary>
    private static bool IsForUs(IEnumerable<string>? audiences, SecurityToken token, string audience)
    {
        var list = audiences?.ToList() ?? [];
        if (list.Count > 0)
        {
            return list.Contains(audience, StringComparer.Ordinal);
        }

        return token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("client_id", out var clientId) && clientId == audience;
    }
}
