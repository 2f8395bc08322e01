using StanceRules.Extensions.DependencyInjection;
using StanceRules.Service;

// POST /stances: a fact document (YAML or JSON) in, the stance report out. GET /health: the rules'
// health (loaded, last reload good, their age). Configuration section "StanceRules"
// (appsettings.json, environment variables such as StanceRules__RulesDirectory=/etc/stance-rules)
// sets the rules folder and hot reload; its options are checked when the service starts.
var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<StanceRulesOptions>(builder.Configuration.GetSection("StanceRules"));
builder.Services.AddStanceRules();
builder.Services.AddHealthChecks().AddCheck<StanceRulesHealthCheck>("stancerules");
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapPost("/stances", StancesEndpoint.InferAsync);
app.MapGet("/rules", StancesEndpoint.Rules);
app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
await app.RunAsync().ConfigureAwait(false);
