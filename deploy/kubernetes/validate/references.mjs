// What a schema cannot see: whether the objects fit together, and the rules these manifests keep.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// Made outside these manifests (cert-manager or the operator), on purpose.
const externalSecrets = new Set(["open311-tls"]);

// What each app cannot start without (the API validates its options at start-up; better to know before).
const requiredSettings = {
  "open311-gateway-api": ["ConnectionStrings__Gateway", "Open311__PublicUrl", "RabbitMq__Host", "RabbitMq__Username", "RabbitMq__Password"],
  "open311-gateway-worker": ["RabbitMq__Host", "RabbitMq__Username", "RabbitMq__Password", "Worker__Jurisdictions__0"],
};

/** @param {{file: string, object: any}[]} all @returns {string[]} */
export function checkReferences(all) {
  const problems = [];
  const named = (kind, name) => all.find((o) => o.object.kind === kind && o.object.metadata?.name === name)?.object;
  const pods = all
    .filter((o) => ["Deployment", "Job"].includes(o.object.kind))
    .map((o) => ({ ...o, where: `${o.file}: ${o.object.kind}/${o.object.metadata.name}`, template: o.object.spec.template }));
  const podsMatching = (labels) => pods.filter((p) => matches(labels, p.template.metadata?.labels));
  const apiPort = Number(/ENV ASPNETCORE_HTTP_PORTS=(\d+)/.exec(readFileSync(resolve(here, "../../docker/Api.Dockerfile"), "utf8"))?.[1]);

  for (const pod of pods) {
    const { where, template } = pod;
    const spec = template.spec;
    if (pod.object.kind === "Deployment" && !matches(pod.object.spec.selector?.matchLabels, template.metadata?.labels))
      problems.push(`${where}: selector does not match the pod template's labels`);
    if (spec.securityContext?.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot is not true`);
    if (spec.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token it does not need`);

    const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
    for (const volume of volumes.values()) problems.push(...volumeReferences(where, volume, named));
    const settings = settingsOf(spec, named);

    for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
      const at = `${where}: container ${container.name}`;
      const ports = container.ports ?? [];
      const hasPort = (port) => ports.some((p) => (typeof port === "number" ? p.containerPort === port : p.name === port));
      if (!container.resources?.requests || !container.resources?.limits) problems.push(`${at}: needs resource requests and limits`);
      if (container.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
      for (const mount of container.volumeMounts ?? [])
        if (!volumes.has(mount.name)) problems.push(`${at}: mounts volume ${mount.name}, which the pod does not define`);
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef && !named("ConfigMap", source.configMapRef.name)) problems.push(`${at}: envFrom ConfigMap ${source.configMapRef.name} is not defined`);
        if (source.secretRef && !named("Secret", source.secretRef.name)) problems.push(`${at}: envFrom Secret ${source.secretRef.name} is not defined`);
      }
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = container[probe]?.httpGet?.port;
        if (port !== undefined && !hasPort(port)) problems.push(`${at}: ${probe} uses port ${port}, which the container does not open`);
      }
      if (pod.object.kind === "Deployment" && (!container.livenessProbe || !container.readinessProbe))
        problems.push(`${at}: needs a liveness and a readiness probe`);

      const image = container.image.split(":")[0];
      for (const setting of requiredSettings[image] ?? [])
        if (!settings.has(setting)) problems.push(`${at}: setting ${setting} is in none of its ConfigMaps and Secrets`);
      // The ports the app really listens on: Management__Port from its settings, the API's HTTP port from its Dockerfile.
      const management = Number(settings.get("Management__Port"));
      if (pod.object.kind === "Deployment" && management > 0 && !hasPort(management))
        problems.push(`${at}: Management__Port is ${management}, but the container opens no such port`);
      if (pod.object.kind === "Deployment" && image === "open311-gateway-api" && !hasPort(apiPort))
        problems.push(`${at}: the API listens on ${apiPort} (Api.Dockerfile), but the container opens no such port`);
    }
  }

  for (const { file, object } of all) {
    const where = `${file}: ${object.kind}/${object.metadata?.name}`;
    switch (object.kind) {
      case "Service": {
        const selected = podsMatching(object.spec.selector);
        if (selected.length === 0) problems.push(`${where}: selector matches no pod template`);
        for (const port of object.spec.ports ?? [])
          if (typeof port.targetPort === "string" && !selected.every((p) => podPortNames(p.template).has(port.targetPort)))
            problems.push(`${where}: targetPort ${port.targetPort} is not a named port of the pods it selects`);
        break;
      }
      case "HorizontalPodAutoscaler": {
        const target = object.spec.scaleTargetRef;
        if (!named(target.kind, target.name)) problems.push(`${where}: scales ${target.kind}/${target.name}, which is not defined`);
        break;
      }
      case "PodDisruptionBudget":
        if (podsMatching(object.spec.selector?.matchLabels).length === 0) problems.push(`${where}: selector matches no pod template`);
        break;
      case "Ingress":
        for (const rule of object.spec.rules ?? [])
          for (const path of rule.http?.paths ?? []) {
            const backend = path.backend.service;
            const service = named("Service", backend.name);
            if (!service) problems.push(`${where}: ${path.path} goes to Service ${backend.name}, which is not defined`);
            else if (!service.spec.ports.some((p) => p.name === backend.port.name || p.port === backend.port.number))
              problems.push(`${where}: ${path.path} goes to port ${backend.port.name ?? backend.port.number}, which Service ${backend.name} lacks`);
          }
        for (const tls of object.spec.tls ?? [])
          if (!externalSecrets.has(tls.secretName) && !named("Secret", tls.secretName)) problems.push(`${where}: TLS Secret ${tls.secretName} is not defined`);
        break;
      case "NetworkPolicy": {
        const labels = object.spec.podSelector?.matchLabels;
        if (!labels) break; // {}: every pod of the namespace
        const selected = podsMatching(labels);
        if (selected.length === 0) problems.push(`${where}: podSelector matches no pod template`);
        for (const rule of object.spec.ingress ?? [])
          for (const port of rule.ports ?? [])
            if (typeof port.port === "string" && !selected.every((p) => podPortNames(p.template).has(port.port)))
              problems.push(`${where}: allows port ${port.port}, which is not a named port of the pods it selects`);
        break;
      }
      case "Secret":
        // Placeholders only: a real value must never be committed.
        for (const [key, value] of Object.entries(object.stringData ?? {}))
          if (!String(value).includes("REPLACE_ME")) problems.push(`${where}: ${key} holds a value instead of a REPLACE_ME placeholder`);
        if (object.data) problems.push(`${where}: data (base64) hides what is committed; use stringData placeholders`);
        break;
    }
  }
  return problems;
}

function volumeReferences(where, volume, named) {
  const problems = [];
  const need = (kind, name) => {
    if (!named(kind, name)) problems.push(`${where}: volume ${volume.name} needs ${kind} ${name}, which is not defined`);
  };
  if (volume.configMap) need("ConfigMap", volume.configMap.name);
  if (volume.secret) need("Secret", volume.secret.secretName);
  if (volume.persistentVolumeClaim) need("PersistentVolumeClaim", volume.persistentVolumeClaim.claimName);
  for (const source of volume.projected?.sources ?? []) {
    if (source.configMap) need("ConfigMap", source.configMap.name);
    if (source.secret) need("Secret", source.secret.name);
  }
  return problems;
}

/** The settings a pod's apps see: every key of the ConfigMaps and Secrets of its projected settings volume. */
function settingsOf(spec, named) {
  const settings = new Map();
  for (const volume of spec.volumes ?? [])
    for (const source of volume.projected?.sources ?? []) {
      const object = source.configMap ? named("ConfigMap", source.configMap.name) : source.secret ? named("Secret", source.secret.name) : null;
      for (const [key, value] of Object.entries({ ...object?.data, ...object?.stringData })) settings.set(key, value);
    }
  return settings;
}

function podPortNames(template) {
  return new Set(template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
}

function matches(selector, labels) {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([k, v]) => labels?.[k] === v);
}
