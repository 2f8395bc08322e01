#!/usr/bin/env bash
# Consumer test: what a user downloads works.
#
# Packs StanceRules, StanceRules.Extensions.DependencyInjection, StanceRules.Extensions.AI and the StanceRules.Cli tool into a
# local folder, checks what the packages hold, creates a fresh console project outside the
# repository that references them as packages (not projects), makes the README's first C#
# example its Program.cs and runs it three ways: JIT, NativeAOT (PublishAot) and trimmed
# (PublishTrimmed, self-contained). All three must print the lines the README shows, the same
# output, and the publishes must show no trim/AOT warning from StanceRules' own code (NRules'
# are listed in docs/embedding.md). Then installs the CLI as a tool from the folder and runs
# `stance infer`.
#
# Isolation: a NuGet.config of its own (<clear/>; the local folder for StanceRules*, nuget.org
# for everything else, by package source mapping), a throwaway global packages folder with the
# machine's one as a read-only fallback (so the AOT compiler and runtime packs are not fetched
# again), and a version no other build has used (so no cached copy can stand in for the package
# just built). NativeAOT needs clang and zlib1g-dev (.ci/run installs them when missing).
#
# Usage: tests/consumer/run.sh [--keep]   (--keep leaves the temporary folder for inspection)
# Prints "consumer test: passed (Ns)" and exits 0, or says what failed and exits 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/stance-consumer.XXXXXX")
if [ "${1:-}" = "--keep" ]; then echo "consumer test: working in $work"; else trap 'rm -rf "$work"' EXIT; fi
fail() { echo "consumer test: FAILED: $*" >&2; exit 1; }
zip_list() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
zip_read() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }

# The version comes from Directory.Build.props (VersionPrefix); a unique prerelease suffix per run.
suffix="consumer.$(date -u +%Y%m%d%H%M%S).$$"
feed="$work/feed"
app="$work/app"
mkdir -p "$feed" "$app"
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac

# 1. Pack, as a release would: one build of the three projects, then each packed from it.
t0=$SECONDS
for project in src/StanceRules.Extensions.DependencyInjection src/StanceRules.Extensions.AI src/StanceRules.Cli; do
  dotnet build "$root/$project" -c Release -p:VersionSuffix="$suffix" --nologo -v:q >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; fail "dotnet build $project"; }
done
for project in src/StanceRules src/StanceRules.Extensions.DependencyInjection src/StanceRules.Extensions.AI src/StanceRules.Cli; do
  dotnet pack "$root/$project" -c Release --no-build -o "$feed" -p:VersionSuffix="$suffix" --nologo -v:q >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; fail "dotnet pack $project"; }
done
echo "consumer test: packed ($((SECONDS - t0))s)"
nupkg=$(ls "$feed"/StanceRules.[0-9]*-"$suffix".nupkg 2>/dev/null | head -1)
[ -n "$nupkg" ] || fail "no StanceRules.*-$suffix.nupkg in $feed"
version=$(basename "$nupkg" .nupkg); version=${version#StanceRules.}
[ -f "$feed/StanceRules.Extensions.AI.$version.nupkg" ] || fail "no StanceRules.Extensions.AI.$version.nupkg in $feed"

# 2. What the package holds.
snupkg="$feed/StanceRules.$version.snupkg"
[ -f "$snupkg" ] || fail "no symbols package StanceRules.$version.snupkg"
symbols=$(zip_list "$snupkg")
for entry in lib/net8.0/StanceRules.pdb lib/net10.0/StanceRules.pdb; do
  grep -qx "$entry" <<<"$symbols" || fail "the symbols package has no $entry"
done
# Deterministic paths: the PDB's SourceLink map is keyed by "/_/*", not by the folder this build ran in
# (portable PDBs store document paths in parts; the SourceLink JSON holds the root whole).
pdb_paths=$(python3 -c 'import sys, zipfile; b = zipfile.ZipFile(sys.argv[1]).read("lib/net10.0/StanceRules.pdb"); print(b.count(b"\"/_/*\""), b.count(sys.argv[2].encode()))' "$snupkg" "$root")
[ "${pdb_paths% *}" -gt 0 ] && [ "${pdb_paths#* }" -eq 0 ] || fail "StanceRules.pdb does not map sources as /_/* (counts: /_/* and $root: $pdb_paths)"
[ -f "$feed/StanceRules.Extensions.DependencyInjection.$version.nupkg" ] || fail "no StanceRules.Extensions.DependencyInjection package"
contents=$(zip_list "$nupkg")
for entry in README.md lib/net8.0/StanceRules.dll lib/net8.0/StanceRules.xml lib/net10.0/StanceRules.dll lib/net10.0/StanceRules.xml; do
  grep -qx "$entry" <<<"$contents" || fail "the package has no $entry"
done
nuspec=$(zip_read "$nupkg" StanceRules.nuspec)
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "no MIT licence expression in the nuspec"
grep -q '<repository type="git" url="https://' <<<"$nuspec" || fail "no repository metadata in the nuspec"
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "no readme in the nuspec"
deps=$(grep -o '<dependency id="[^"]*"' <<<"$nuspec" | sed 's/.*id="//; s/"//' | sort -u | tr '\n' ' ')
[ "$deps" = "NRules YamlDotNet " ] || fail "StanceRules depends on '$deps', not exactly NRules and YamlDotNet"

# The DI package's net8.0 group takes Microsoft.Extensions.* 8.0.x, not the 10.x the net10.0 group takes.
di_nuspec=$(zip_read "$feed/StanceRules.Extensions.DependencyInjection.$version.nupkg" StanceRules.Extensions.DependencyInjection.nuspec)
net8=$(awk '/<group targetFramework="net8.0">/ { inside = 1 } inside && /<\/group>/ { exit } inside' <<<"$di_nuspec")
grep -q 'id="Microsoft.Extensions.Options" version="8\.' <<<"$net8" || fail "the DI package's net8.0 group does not take Microsoft.Extensions.Options 8.0.x"
if grep -q 'id="Microsoft.Extensions[^"]*" version="\(9\|10\|11\)\.' <<<"$net8"; then fail "the DI package's net8.0 group depends on a Microsoft.Extensions.* newer than 8.0.x"; fi

# The CLI is a proper tool package: readme and metadata, the tool under tools/, no content/ copies.
tool_pkg="$feed/StanceRules.Cli.$version.nupkg"
[ -f "$tool_pkg" ] || fail "no StanceRules.Cli package"
tool_contents=$(zip_list "$tool_pkg")
for entry in README.md tools/net10.0/any/stance.dll tools/net10.0/any/DotnetToolSettings.xml tools/net10.0/any/seeds/xi-moscow-2023-03-21.facts.yaml tools/net10.0/any/rules/stances.tests.yaml; do
  grep -qx "$entry" <<<"$tool_contents" || fail "the tool package has no $entry"
done
if grep -Eq '^(content|contentFiles)/' <<<"$tool_contents"; then fail "the tool package carries content/ files: $(grep -E '^(content|contentFiles)/' <<<"$tool_contents" | tr '\n' ' ')"; fi
tool_nuspec=$(zip_read "$tool_pkg" StanceRules.Cli.nuspec)
for element in '<readme>README.md</readme>' '<projectUrl>https://' '<tags>' '<license type="expression">MIT</license>' '<packageType name="DotnetTool"'; do
  grep -qF "$element" <<<"$tool_nuspec" || fail "the tool package's nuspec has no $element"
done

# 3. A fresh console project, outside the repository, with the README's example as Program.cs.
echo '<Project />' >"$work/Directory.Build.props"      # nothing above the app is imported
echo '<Project />' >"$work/Directory.Build.targets"
cat >"$work/NuGet.Config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="StanceRules*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  <fallbackPackageFolders>
    <add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
</configuration>
XML
cat >"$app/consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="StanceRules" Version="$version" />
    <PackageReference Include="StanceRules.Extensions.DependencyInjection" Version="$version" />
  </ItemGroup>
</Project>
XML
awk '/^```csharp[[:space:]]*$/ { inside = 1; next } /^```/ { if (inside) exit } inside' "$root/README.md" >"$app/Program.cs"
grep -q "StanceEngine" "$app/Program.cs" || fail "no \`\`\`csharp block with StanceEngine in README.md"

export NUGET_PACKAGES="$work/packages"
dotnet restore "$app" --configfile "$work/NuGet.Config" -v:q >"$work/restore.log" 2>&1 \
  || { cat "$work/restore.log" >&2; fail "restore of the consumer project"; }
[ -d "$NUGET_PACKAGES/stancerules/$version" ] || fail "StanceRules $version was not restored from the local folder"
t0=$SECONDS
dotnet build "$app" -c Release --no-restore -v:q --nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; fail "build of the consumer project (the README's example)"; }
echo "consumer test: built the README example ($((SECONDS - t0))s)"

# 4. Run it from a folder of its own: the example needs no file.
output=$(cd "$work" && dotnet "$app/bin/Release/net10.0/consumer.dll") || { echo "$output" >&2; fail "the README example exited non-zero"; }
# Every line of the output the README shows after the example (its ```text block, less "..."),
# and the line the README's story is about.
expected=$(awk '/^```csharp[[:space:]]*$/ { seen = 1 } seen && /^```text[[:space:]]*$/ { inside = 1; next } inside && /^```/ { exit } inside && $0 != "..."' "$root/README.md")
[ -n "$expected" ] || fail "no \`\`\`text block after the README's example"
while IFS= read -r line; do
  grep -qxF "$line" <<<"$output" || { echo "$output" >&2; fail "the output has no line '$line' (README.md shows it)"; }
done <<<"$expected
UKR china-peace-plan rejects 0.85"

# 5. The same example published with NativeAOT and trimmed: no warning from StanceRules' code, same output.
# TreatWarningsAsErrors off for the publish only: NRules' own warnings are expected (and listed below).
for mode in aot trimmed; do
  case $mode in
    aot) props="-p:PublishAot=true" ;;
    trimmed) props="-p:PublishTrimmed=true --self-contained" ;;
  esac
  t0=$SECONDS
  # shellcheck disable=SC2086
  dotnet publish "$app" -c Release -r "$rid" $props -p:TrimmerSingleWarn=false -p:TreatWarningsAsErrors=false \
      -o "$work/$mode" --nologo -v:q >"$work/publish-$mode.log" 2>&1 \
    || { cat "$work/publish-$mode.log" >&2; fail "dotnet publish ($mode) of the README example"; }
  ours=$(grep -E 'warning IL[0-9]+' "$work/publish-$mode.log" | grep -v '/_/src/NRules/' | sort -u || true)
  [ -z "$ours" ] || { echo "$ours" >&2; fail "trim/AOT warnings outside NRules in the $mode publish"; }
  published=$(cd "$work" && "$work/$mode/consumer") || { echo "$published" >&2; fail "the $mode build of the README example exited non-zero"; }
  [ "$published" = "$output" ] || { diff <(echo "$output") <(echo "$published") >&2; fail "the $mode build prints other lines than the JIT run"; }
  size=$(du -sk "$work/$mode" | cut -f1)
  binary=$(stat -c %s "$work/$mode/consumer")
  echo "consumer test: $mode publish ok ($((SECONDS - t0))s; executable $((binary / 1024)) KiB, folder ${size} KiB)"
done

# 6. The CLI as a user installs it: a tool from the feed.
dotnet tool install StanceRules.Cli --version "$version" --tool-path "$work/tool" --configfile "$work/NuGet.Config" >"$work/tool.log" 2>&1 \
  || { cat "$work/tool.log" >&2; fail "dotnet tool install StanceRules.Cli"; }
tool_out=$(cd "$work" && "$work/tool/stance" infer) || { echo "$tool_out" >&2; fail "stance infer (the installed tool) exited non-zero"; }
grep -Eq '^UKR +china-peace-plan +rejects' <<<"$tool_out" || { echo "$tool_out" >&2; fail "stance infer (the installed tool) has no UKR china-peace-plan rejects row"; }

echo "consumer test: passed ($((SECONDS - start))s; StanceRules $version from $feed)"
