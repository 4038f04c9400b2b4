// MuleSoft's own open-source web components (npm @anypoint-web-components/anypoint-input): bundled by
// ./build.sh into /assets/kit-anypoint-web-components.js, which the practice page loads late (design-systems.js).
import '@anypoint-web-components/anypoint-input/anypoint-input.js';
